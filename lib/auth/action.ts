import "server-only";
import { z } from "zod";
import { UserFacingError } from "./errors";
import { hasRole, type UserRole } from "./roles";
import { getSessionUser, type SessionUser } from "./server";

export type ActionResult<T = null> =
  { ok: true; data: T; message?: string } | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> };

/**
 * The one wrapper for server actions: checks the session and the role on the
 * server (hiding a button is never the protection), validates the input with
 * zod, and turns errors into a result the form can show. `UserFacingError`
 * messages reach the user; anything else is logged and reported generically.
 */
export function authorizedAction<S extends z.ZodType, T>(
  role: UserRole,
  schema: S,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<ActionResult<T>>,
): (input: FormData | z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const user = await getSessionUser();
    if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
    if (!hasRole(user.role, role)) return { ok: false, message: `This needs the ${role} role.` };
    const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
    if (!parsed.success) {
      return {
        ok: false,
        message: "Some fields need attention.",
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
      };
    }
    try {
      return await handler(parsed.data, user);
    } catch (error) {
      if (error instanceof UserFacingError) return { ok: false, message: error.message };
      console.error("Server action failed:", error);
      return { ok: false, message: "Something went wrong. The error was logged on the server." };
    }
  };
}

/** Repeated keys become arrays; everything else a string. */
function formDataToObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const previous = object[key];
    object[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return object;
}
