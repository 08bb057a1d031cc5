import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { baseSecurityHeaders, isHttps, newNonce, pageCsp } from "@/lib/server/security-headers";

/**
 * Next 16's middleware, for pages (route handlers and static files are not
 * matched: the route wrapper and next.config.ts give them their headers).
 *
 * 1. Security headers on every page, with a content security policy whose
 *    script nonce is new for each response (lib/server/security-headers.ts).
 *    Next reads the nonce from the request's CSP header and puts it on its
 *    own scripts; every page renders per request, so none is left without.
 * 2. The first gate: no session cookie, a redirect to sign-in. Only the
 *    cookie's presence is checked here; the page wrapper (lib/server/page.tsx)
 *    checks the session itself against the database, so a forged or expired
 *    cookie gets no further.
 */
const PUBLIC_PATHS = new Set(["/sign-in"]);

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const csp = pageCsp(nonce);
  const secure = (response: NextResponse) => {
    response.headers.set("content-security-policy", csp);
    for (const [name, value] of Object.entries(baseSecurityHeaders(isHttps(request.headers, request.url))))
      response.headers.set(name, value);
    return response;
  };

  if (!PUBLIC_PATHS.has(pathname) && !getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", pathname + search);
    return secure(NextResponse.redirect(signIn));
  }
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  // Lets a page whose session turns out to be invalid send the user back here after signing in.
  headers.set("x-af-path", pathname + search);
  return secure(NextResponse.next({ request: { headers } }));
}

export const config = {
  // Not route handlers (their wrapper sets the headers and checks the session; running the proxy
  // costs ~3.5 ms of CPU per request here, more than the annotation save), which includes the
  // charts' two CSV downloads outside /api, and not static files.
  matcher: ["/((?!_next/|api/|favicon.svg|.*\\.csv$).*)"],
};
