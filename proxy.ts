import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";

/**
 * The first gate: no session cookie, no page (a redirect to sign-in) and no
 * API (401). Only the cookie's presence is checked here; every page, server
 * action and route handler then checks the session itself against the
 * database (lib/auth/server.ts), so a forged or expired cookie gets no further.
 */
const PUBLIC_PATHS = new Set(["/sign-in"]);

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.has(pathname)) return NextResponse.next();
  if (!getSessionCookie(request)) {
    if (pathname.startsWith("/api/")) {
      return NextResponse.json({ error: "unauthenticated", message: "Sign in first." }, { status: 401, headers: { "cache-control": "no-store, no-transform" } });
    }
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", pathname + search);
    return NextResponse.redirect(signIn);
  }
  // Lets a page whose session turns out to be invalid send the user back here after signing in.
  const headers = new Headers(request.headers);
  headers.set("x-af-path", pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/|favicon.svg).*)"],
};
