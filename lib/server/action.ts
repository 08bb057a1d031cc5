import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Viewer } from "@/lib/access/viewer";
import { hasRole, type UserRole } from "@/lib/auth/roles";
import { sessionUserFrom } from "@/lib/auth/server";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ExpectedError, issuesOf, type Issue } from "./errors";
import { genericFailure, logUnexpected } from "./log";
import { requestIdFrom, runInScope } from "./request-scope";

/**
 * The one wrapper of every server action (they live in lib/, in "use server"
 * modules): the session and the role, checked on the server whatever the UI
 * shows; the input through zod; the request scope the visibility layer reads
 * the viewer from; and one result shape every form shows.
 *
 *   export const renameQueue = action({ role: "lead", input: renameSchema }, async (input, { viewer }) => {
 *     await rename(input, viewer.id);
 *     return { data: null, message: "Renamed." };
 *   });
 *
 * An ExpectedError's message reaches the user as is (it is written for them);
 * anything else is logged with the request id and shown generically, quoting
 * that id. Next's own control flow (redirect(), notFound()) passes through.
 * Server actions get Next's Origin check (a foreign Origin is refused before
 * the action runs).
 */
export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      /** Every issue with its whole dotted path ("labels.2.hotkey"), for a form whose fields are nested (the label schema editor). */
      issues?: Issue[];
    };

export interface ActionSuccess<T> {
  data: T;
  message?: string;
}

export interface ActionContext<V extends Viewer | null> {
  viewer: V;
  requestId: string;
}

type Handler<S extends z.ZodType, T, V extends Viewer | null> = (input: z.infer<S>, context: ActionContext<V>) => Promise<ActionSuccess<T>>;
type Action<S extends z.ZodType, T> = (input: FormData | z.input<S>) => Promise<ActionResult<T>>;

/** An action for signed-in users with at least `role` (default annotator). */
export function action<S extends z.ZodType, T>(spec: { role?: UserRole; input: S }, handler: Handler<S, T, Viewer>): Action<S, T> {
  return run(
    spec.input,
    async (viewer) => {
      if (!viewer) throw new ExpectedError("unauthenticated", "Your session has ended. Sign in again.");
      const role = spec.role ?? "annotator";
      if (!hasRole(viewer.role, role)) throw new ExpectedError("forbidden", `This needs the ${role} role.`);
      return viewer;
    },
    handler,
  );
}

/** The one action without a session: signing in. */
export function publicAction<S extends z.ZodType, T>(spec: { input: S }, handler: Handler<S, T, Viewer | null>): Action<S, T> {
  return run(spec.input, async (viewer) => viewer, handler);
}

function run<S extends z.ZodType, T, V extends Viewer | null>(
  schema: S,
  admit: (viewer: Viewer | null) => Promise<V>,
  handler: Handler<S, T, V>,
): Action<S, T> {
  return async (input) => {
    const requestHeaders = await headers();
    const requestId = requestIdFrom(requestHeaders);
    try {
      const user = await sessionUserFrom(requestHeaders);
      const viewer: Viewer | null = user && { ...user, via: "session" };
      const admitted = await admit(viewer);
      const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
      if (!parsed.success) {
        const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
        const named = Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
        return {
          ok: false,
          message: `Some fields need attention${named.length ? ` (${named.join("; ")})` : ""}.`,
          fieldErrors,
          issues: issuesOf(parsed.error),
        };
      }
      const result = await runInScope({ requestId, viewer: Promise.resolve(viewer) }, () =>
        handler(parsed.data, { viewer: admitted, requestId }),
      );
      return { ok: true, data: result.data, ...(result.message !== undefined && { message: result.message }) };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound(), forbidden(): Next's, not failures
      if (error instanceof ExpectedError) {
        // A handler's own validation (issues with paths, e.g. the export's split) reaches the form's fields like zod's do above.
        const fieldErrors = error.details.issues?.length ? fieldErrorsOf(error.details.issues) : undefined;
        return { ok: false, message: error.message, ...(fieldErrors && { fieldErrors, issues: error.details.issues }) };
      }
      if (isDatabaseUnavailable(error)) return { ok: false, message: "The database is unavailable. Try again in a moment." };
      logUnexpected(requestId, "Server action", error);
      return { ok: false, message: genericFailure(requestId) };
    }
  };
}

/** Issues by the form field they concern: a path's first segment ("split.2" is the split field's). Issues without a path stay in the message. */
function fieldErrorsOf(issues: readonly Issue[]): Record<string, string[]> | undefined {
  const byField: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.split(".")[0];
    if (field) (byField[field] ??= []).push(issue.message);
  }
  return Object.keys(byField).length ? byField : undefined;
}

/** Repeated keys become arrays; everything else a string (or a File). */
function formDataToObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const previous = object[key];
    object[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return object;
}
