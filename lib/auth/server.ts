import "server-only";
import { nextCookies } from "better-auth/next-js";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { createAuth, type Auth } from "./config";
import { hasRole, type UserRole } from "./roles";
import { authSecret } from "./secret";
import { readSessionCookie } from "./session-cookie";

const globalForAuth = globalThis as unknown as { auth?: Auth };

/** The app's better-auth instance (one per process, like the Prisma client). */
export function auth(): Auth {
  globalForAuth.auth ??= createAuth({
    prisma: db(),
    secret: authSecret(),
    baseURL: process.env.BETTER_AUTH_URL,
    // Last: lets server actions set and clear the session cookie.
    plugins: [nextCookies()],
  });
  return globalForAuth.auth;
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: UserRole;
}

/**
 * The signed-in user of this request, or null. Looked up once per request,
 * from better-auth's session cookie (lib/auth/session-cookie.ts); better-auth
 * itself answers when the session is due for its refresh.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const requestHeaders = await headers(); // first: marks the page dynamic before anything touches the database
  const fast = await readSessionCookie(pgPool(), requestHeaders, authSecret());
  if (fast !== "refresh") return fast?.user ?? null;
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session || session.user.banned) return null;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: role as UserRole };
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireSession(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const path = (await headers()).get("x-af-path");
    redirect(path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
  }
  return user;
}

/** For pages: the signed-in user if their role is at least `role`; otherwise a 403 page. */
export async function requireRole(role: UserRole): Promise<SessionUser> {
  const user = await requireSession();
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
