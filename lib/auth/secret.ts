/**
 * The key that signs session cookies. Required in production: scripts/lib/serve.ts
 * provides one (generated once and kept in .data/) when BETTER_AUTH_SECRET is unset.
 */
export function authSecret(): string {
  const secret = process.env.BETTER_AUTH_SECRET;
  if (secret && secret.length >= 32) return secret;
  if (process.env.NODE_ENV === "production") {
    throw new Error("BETTER_AUTH_SECRET must be set (32 characters or more). `npm start` generates one; with your own setup, set it.");
  }
  // Development and tests only: a fixed key, so sessions survive restarts of `next dev`.
  return "af-lens-development-secret-not-for-production-use";
}
