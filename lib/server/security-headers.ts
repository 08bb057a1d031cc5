/**
 * The security headers of every response, in one place: proxy.ts sets them on
 * pages (with a fresh nonce per request), the route wrapper on route handlers
 * (API answers and downloads), next.config.ts on static files.
 *
 * Pages: scripts run only with the request's nonce ('strict-dynamic' lets
 * Next's nonce'd loader fetch its chunks); no 'unsafe-eval' outside `next dev`
 * (React's dev tools need it). Styles: the app's own stylesheets, nonce'd
 * <style> elements, and style *attributes* (React's `style={...}`, Recharts'
 * positioning): an attribute cannot run script, and without it every chart and
 * progress bar breaks. Images: data: and blob: for the charts' PNG/SVG
 * downloads, which draw the chart's SVG through an <img> into a canvas.
 * No page may be framed, by anyone.
 *
 * No "server-only": proxy.ts (the edge of Next's middleware) and next.config.ts read it.
 */
export function pageCsp(nonce: string, development = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers, downloads, static files: nothing in them may run, load or be framed. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A year, as browsers and the preload list expect. */
const HSTS = "max-age=31536000; includeSubDomains";

/** The headers besides the CSP. `https`: the request reached us over HTTPS (directly or through a proxy saying so). */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    ...(https ? { "strict-transport-security": HSTS } : {}),
  };
}

/** Over HTTPS: a TLS socket (Next writes x-forwarded-proto from it) or a proxy in front that says so. */
export function isHttps(headers: Headers, url: string): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded ? forwarded === "https" : url.startsWith("https:");
}

/** A nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
