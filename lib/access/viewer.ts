import "server-only";
import { randomUUID } from "node:crypto";
import { hasRole, type UserRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/server";
import { ExpectedError } from "@/lib/server/errors";
import { requestScope, runInScope } from "@/lib/server/request-scope";

/**
 * Who is looking: the signed-in user (or the creator of the API token, with
 * the token's role), as the request scope carries it. Never from the URL, a
 * form or a body: the page, route and action wrappers put it there from the
 * credentials, and the visibility layer (lib/access) reads it from there.
 */
export interface Viewer extends SessionUser {
  via: "session" | "token";
}

export async function currentViewer(): Promise<Viewer | null> {
  return (await requestScope()).viewer;
}

/** The viewer if their role is at least `role`; 401 signed out, 403 below the role. */
export async function viewerWithRole(role: UserRole = "annotator"): Promise<Viewer> {
  const viewer = await currentViewer();
  if (!viewer) throw new ExpectedError("unauthenticated", "Sign in first.");
  if (!hasRole(viewer.role, role))
    throw new ExpectedError(
      "forbidden",
      `This needs the ${role} role; this ${viewer.via === "token" ? "token acts" : "account is"} as ${viewer.role}.`,
    );
  return viewer;
}

/** Runs `work` as `viewer` (tests, scripts): the same scope a request gets. */
export function runAs<T>(viewer: Viewer | null, work: () => Promise<T>): Promise<T> {
  return runInScope({ requestId: `as-${viewer?.id ?? "nobody"}-${randomUUID().slice(0, 8)}`, viewer: Promise.resolve(viewer) }, work);
}
