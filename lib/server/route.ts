import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/access/viewer";
import { authenticateToken } from "@/lib/api/tokens";
import { hasRole, type UserRole } from "@/lib/auth/roles";
import { sessionUserFrom } from "@/lib/auth/server";
import { pgPool } from "@/lib/db/pg-pool";
import { paramsRecord } from "@/lib/schemas";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ERROR_STATUS, ExpectedError, invalid, parseOrThrow, type ApiErrorBody, type ErrorCode } from "./errors";
import { genericFailure, logUnavailable, logUnexpected } from "./log";
import { isSameOrigin, SAFE_METHODS } from "./origin";
import { requestIdFrom, runInScope } from "./request-scope";
import { baseSecurityHeaders, isHttps, NON_PAGE_CSP } from "./security-headers";

/**
 * The one wrapper of every route handler (everything under app/api, and the
 * CSV downloads): credentials, role, the Origin check, zod on the way in and
 * out, one error contract, security headers, the request scope the
 * visibility layer (lib/access) reads the viewer from.
 *
 *   export const GET = route({ auth: "token-or-session", role: "lead", params: idParams, output: jobSchema },
 *     async ({ params, viewer }) => loadJob(params.id));
 *
 * - `auth`: "session" (the app's own pages call it: the session cookie),
 *   "token-or-session" (/api/v1: `Authorization: Bearer afl_...`, else the
 *   cookie), "public" (no credentials; the OpenAPI document).
 * - `role`: the least role (default annotator); 401 without credentials, 403 below it.
 * - Cookie-authenticated requests that change state (not GET/HEAD/OPTIONS)
 *   must come from the app's own origin (lib/server/origin.ts): 403 `cross_origin`.
 * - `params` / `query` / `body` (JSON): zod schemas; 400 `invalid_request` with `issues`.
 *   Without `body` the handler reads `request.body` itself (uploads stream).
 * - The handler returns the answer's data (checked against `output`, sent as
 *   JSON with `status`, default 200, or the status a function of the answer
 *   gives) or a Response of its own (downloads).
 * - Errors: `{"error", "message", "issues"?}` (lib/server/errors.ts). An
 *   ExpectedError answers with its code; an unreachable database 503; anything
 *   else 500, logged with the request id, which the answer quotes.
 */
export type RouteAuth = "session" | "token-or-session" | "public";

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;
type Answer<O extends Schema> = O extends z.ZodType ? z.input<O> | Response : Response;

export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema, O extends Schema, A extends RouteAuth> {
  auth: A;
  role?: UserRole;
  params?: P;
  query?: Q;
  body?: B;
  output?: O;
  /** The answer's status (default 200), or a function of the answer (202 while a job stops, 503 while not ready). */
  status?: number | ((answer: O extends z.ZodType ? z.output<O> : never) => number);
}

export interface RouteInput<P extends Schema, Q extends Schema, B extends Schema, A extends RouteAuth> {
  request: Request;
  params: Parsed<P>;
  query: Parsed<Q>;
  body: Parsed<B>;
  viewer: A extends "public" ? null : Viewer;
  requestId: string;
}

/** What Next passes as the second argument: the dynamic segments. */
export interface RouteContext {
  params: Promise<Record<string, string | string[]>>;
}

const JSON_HEADERS = {
  // API answers are never cached, and small: `no-transform` also keeps Next's
  // gzip off them (it cost more CPU than the whole annotation save).
  "cache-control": "no-store, no-transform",
};

export function route<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  O extends Schema = undefined,
  A extends RouteAuth = RouteAuth,
>(
  spec: RouteSpec<P, Q, B, O, A>,
  handler: (input: RouteInput<P, Q, B, A>) => Promise<Answer<O>>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const requestId = requestIdFrom(request.headers);
    const respond = (response: Response) => secured(response, request, requestId);
    let viewer: Viewer | null = null;
    try {
      viewer = await authenticate(request, spec.auth, spec.role ?? "annotator");
      return respond(
        await runInScope({ requestId, viewer: Promise.resolve(viewer) }, async () => {
          const input = {
            request,
            params: spec.params ? parseOrThrow(spec.params, await context.params, "path") : undefined,
            query: spec.query ? parseOrThrow(spec.query, paramsRecord(new URL(request.url).searchParams), "query") : undefined,
            body: spec.body ? parseOrThrow(spec.body, await jsonBody(request), "body") : undefined,
            viewer,
            requestId,
          } as RouteInput<P, Q, B, A>;
          const answer = await handler(input);
          if (answer instanceof Response) return answer;
          if (!spec.output) throw new Error("A route without an output schema must answer with a Response");
          const checked = spec.output.safeParse(answer);
          if (!checked.success) throw new Error(`The answer does not match the route's output schema: ${checked.error.message}`);
          const status = typeof spec.status === "function" ? spec.status(checked.data as never) : (spec.status ?? 200);
          return Response.json(checked.data, { status, headers: JSON_HEADERS });
        }),
      );
    } catch (error) {
      if (error instanceof ExpectedError) return respond(errorResponse(error.code, error.message, error.details));
      if (isDatabaseUnavailable(error)) {
        logUnavailable(requestId, error);
        return respond(errorResponse("unavailable", "The database is unavailable. Try again in a moment."));
      }
      logUnexpected(requestId, `${request.method} ${new URL(request.url).pathname}`, error);
      return respond(errorResponse("internal", genericFailure(requestId), { requestId }));
    }
  };
}

export function errorResponse(code: ErrorCode, message: string, details: Omit<ApiErrorBody, "error" | "message"> = {}): Response {
  return Response.json({ error: code, message, ...details } satisfies ApiErrorBody, { status: ERROR_STATUS[code], headers: JSON_HEADERS });
}

/** The viewer the credentials name (null for a public route), or the 401 / 403 / cross-origin error. */
async function authenticate(request: Request, auth: RouteAuth, role: UserRole): Promise<Viewer | null> {
  if (auth === "public") return null;
  const authorization = auth === "token-or-session" ? request.headers.get("authorization") : null;
  let viewer: Viewer | null;
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match ? await authenticateToken(pgPool(), match[1]) : null;
    if (!user) throw new ExpectedError("invalid_token", "The API token is not valid, or it was revoked. Create one at /settings/tokens.");
    viewer = { ...user, via: "token" };
  } else {
    // No cookie, no session: answer without touching the session machinery.
    const user = request.headers.get("cookie") ? await sessionUserFrom(request.headers) : null;
    if (!user)
      throw new ExpectedError(
        "unauthenticated",
        auth === "session"
          ? "Sign in first."
          : "Send a personal API token as `Authorization: Bearer <token>` (create one at /settings/tokens), or sign in.",
      );
    viewer = { ...user, via: "session" };
    if (!SAFE_METHODS.has(request.method) && !isSameOrigin(request.headers, request.url))
      throw new ExpectedError(
        "cross_origin",
        "This request changes data with your session but did not come from this app's pages, so it was refused. Scripts use an API token.",
      );
  }
  if (!hasRole(viewer.role, role))
    throw new ExpectedError(
      "forbidden",
      `This needs the ${role} role; this ${viewer.via === "token" ? "token acts" : "account is"} as ${viewer.role}.`,
    );
  return viewer;
}

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch (error) {
    if (error instanceof SyntaxError || (error instanceof TypeError && /body/i.test(error.message)))
      throw invalid("The request body must be JSON (see /api/v1/openapi.json for its shape).");
    throw error;
  }
}

function secured(response: Response, request: Request, requestId: string): Response {
  const headers = {
    ...baseSecurityHeaders(isHttps(request.headers, request.url)),
    "content-security-policy": NON_PAGE_CSP,
    "x-request-id": requestId,
  };
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
    return response;
  } catch (error) {
    // Immutable headers (Response.redirect): the same response with copied headers.
    if (!(error instanceof TypeError)) throw error;
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}
