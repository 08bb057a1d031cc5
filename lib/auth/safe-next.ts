/**
 * Where to go after signing in: `next` only if it stays on this app.
 *
 * `next` is parsed as a URL against a stand-in for the app's own origin with
 * the WHATWG URL parser, which normalises exactly as browsers do (tabs and
 * newlines anywhere are dropped, leading control characters and spaces are
 * trimmed, a backslash is a slash), so "/\t/evil.example" is seen as the
 * "//evil.example" the browser would follow. Accepted only when the origin is
 * still the app's, and then as the parser re-wrote it; a path that the
 * browser would read as another host ("//host", which "/.//host" becomes) is
 * refused too. Anything refused means "/".
 */
const OWN_ORIGIN = "http://app.invalid";

export function safeNext(next: string | null | undefined): string {
  if (!next || !URL.canParse(next, OWN_ORIGIN)) return "/";
  const url = new URL(next, OWN_ORIGIN);
  if (url.origin !== OWN_ORIGIN) return "/";
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? "/" : path;
}
