/**
 * The app opened at another address than its configured one (BETTER_AUTH_URL),
 * e.g. http://127.0.0.1:3000 for an app served at http://localhost:3000: the
 * browser's cookies and Origin then belong to the other host, and signing in
 * there fails without a word. The sign-in page says so and links to the right
 * address; the Origin check (origin.ts) stays as strict as it is.
 *
 * The opened host is read as origin.ts reads it (the first X-Forwarded-Host a
 * proxy in front sets, else Host); its scheme from X-Forwarded-Proto, else the
 * configured one (only the host is compared: a proxy may end TLS).
 */
export function wrongAddress(headers: Headers): { configured: string; opened: string } | null {
  const configured = process.env.BETTER_AUTH_URL;
  if (!configured || !URL.canParse(configured)) return null;
  const own = new URL(configured);
  const host = (headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host"))?.toLowerCase();
  if (!host || host === own.host.toLowerCase()) return null;
  const scheme = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || own.protocol.slice(0, -1);
  return { configured: own.origin, opened: `${scheme}://${host}` };
}
