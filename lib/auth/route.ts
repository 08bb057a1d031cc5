import "server-only";
import { NextResponse } from "next/server";
import { UserFacingError } from "./errors";
import { hasRole, type UserRole } from "./roles";
import { getSessionUser, type SessionUser } from "./server";

/** The JSON body of every error a route handler returns. */
export interface ApiError {
  error: string;
  message: string;
  [detail: string]: unknown;
}

/**
 * API answers are never cached, and small: `no-transform` also keeps Next's
 * gzip off them (it cost more CPU than the whole save).
 */
export const API_HEADERS = { "cache-control": "no-store, no-transform" };

export function apiJson<T>(body: T, status = 200) {
  return NextResponse.json<T>(body, { status, headers: API_HEADERS });
}

export function apiError(status: number, error: string, message: string, details: Record<string, unknown> = {}) {
  return apiJson<ApiError>({ error, message, ...details }, status);
}

/**
 * The wrapper for route handlers (URLs called from outside a page: the
 * annotation API the panel autosaves to and the benchmark drives). 401
 * without a session, 403 without the role; the session is checked here, not
 * only by proxy.ts.
 */
export function withSession<Context>(
  role: UserRole,
  handler: (request: Request, context: Context, user: SessionUser) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const user = await getSessionUser();
    if (!user) return apiError(401, "unauthenticated", "Sign in first.");
    if (!hasRole(user.role, role)) return apiError(403, "forbidden", `This needs the ${role} role.`);
    try {
      return await handler(request, context, user);
    } catch (error) {
      if (error instanceof UserFacingError) return apiError(error.status, "invalid", error.message);
      console.error("Route handler failed:", error);
      return apiError(500, "internal", "Something went wrong. The error was logged on the server.");
    }
  };
}
