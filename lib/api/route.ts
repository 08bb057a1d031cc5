import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { UserFacingError } from "@/lib/auth/errors";
import { hasRole, type UserRole } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/server";
import { pgPool } from "@/lib/db/pg-pool";
import { authenticateToken } from "./tokens";

/**
 * The wrapper of every /api/v1 handler: a personal API token
 * (`Authorization: Bearer afl_...`) or a signed-in session, then the role.
 * Errors are JSON `{error, message}` with the fitting status: 401 without
 * valid credentials, 403 without the role, 400 for invalid input (zod's
 * issues under `issues`), 404 / 409 from UserFacingError, 500 otherwise
 * (logged, never shown).
 */
export interface ApiUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  via: "token" | "session";
}

const HEADERS = { "cache-control": "no-store" };

export function apiJson<T>(body: T, status = 200) {
  return NextResponse.json<T>(body, { status, headers: HEADERS });
}

export function apiError(status: number, error: string, message: string, details: Record<string, unknown> = {}) {
  return apiJson({ error, message, ...details }, status);
}

export class ApiInputError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** Parses `input` with `schema`, or throws an error the wrapper answers with 400 and the issues. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
  throw new ApiInputError(`Invalid ${where}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`, issues);
}

async function resolveUser(request: Request): Promise<ApiUser | "invalid-token" | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match ? await authenticateToken(pgPool(), match[1]) : null;
    return user ? { ...user, via: "token" } : "invalid-token";
  }
  // No cookie, no session: answer without touching the session machinery.
  if (!request.headers.get("cookie")) return null;
  const user = await getSessionUser();
  return user ? { ...user, via: "session" } : null;
}

export function withApiAuth<Context>(
  role: UserRole,
  handler: (request: Request, context: Context, user: ApiUser) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      const user = await resolveUser(request);
      if (user === "invalid-token")
        return apiError(401, "invalid_token", "The API token is not valid, or it was revoked. Create one at /settings/tokens.");
      if (!user)
        return apiError(
          401,
          "unauthenticated",
          "Send a personal API token as `Authorization: Bearer <token>` (create one at /settings/tokens), or sign in.",
        );
      if (!hasRole(user.role, role))
        return apiError(
          403,
          "forbidden",
          `This needs the ${role} role; this ${user.via === "token" ? "token acts" : "account is"} as ${user.role}.`,
        );
      return await handler(request, context, user);
    } catch (error) {
      if (error instanceof ApiInputError) return apiError(400, "invalid_request", error.message, { issues: error.issues });
      if (error instanceof UserFacingError)
        return apiError(error.status, error.status === 404 ? "not_found" : "invalid_request", error.message);
      console.error("API handler failed:", error);
      return apiError(500, "internal", "Something went wrong. The error was logged on the server.");
    }
  };
}

/** For the one public document, the OpenAPI description: no credentials needed, errors still JSON. */
export function publicApiRoute<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      console.error("API handler failed:", error);
      return apiError(500, "internal", "Something went wrong. The error was logged on the server.");
    }
  };
}
