/**
 * Cross-site request forgery: a page elsewhere (another site, or another port
 * of this host) can make the browser send a cookie-carrying POST here, e.g.
 * `fetch(url, {method: "POST", mode: "no-cors", credentials: "include"})`.
 * Browsers label every such request with its Origin, and a page cannot forge
 * that header; so a request authenticated by cookie that changes state must
 * come from this app's own origin (server actions get the same check from
 * Next). Requests with a bearer token are exempt: no browser attaches one by
 * itself.
 *
 * "This app's origin" is the host the request was sent to (Host, or the first
 * X-Forwarded-Host a proxy in front sets, as Next's own action check reads it),
 * or the host of BETTER_AUTH_URL when the public URL is configured.
 */
export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function ownHosts(headers: Headers, url: string): Set<string> {
  const hosts = new Set<string>();
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  if (host) hosts.add(host.toLowerCase());
  else hosts.add(new URL(url).host.toLowerCase());
  const configured = process.env.BETTER_AUTH_URL;
  if (configured) hosts.add(new URL(configured).host.toLowerCase());
  return hosts;
}

/**
 * True when the request comes from a page of this app. No Origin at all
 * (an older browser, a same-origin GET turned POST by a form in some
 * browsers) falls back on Sec-Fetch-Site, which browsers also set themselves;
 * with neither, a cookie-authenticated change is refused: scripts use tokens.
 */
export function isSameOrigin(headers: Headers, url: string): boolean {
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "same-origin";
  if (!URL.canParse(origin)) return false; // includes "null" (sandboxed frames, file: pages)
  return ownHosts(headers, url).has(new URL(origin).host.toLowerCase());
}
