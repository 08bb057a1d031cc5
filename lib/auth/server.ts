import "server-only";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { createAuth, type Auth } from "./config";
import type { UserRole } from "./roles";
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
 * The signed-in user of a request with these headers, or null. From
 * better-auth's session cookie (lib/auth/session-cookie.ts); better-auth itself
 * answers when the session is due for its refresh. Pages, actions and route
 * handlers reach it through the request scope (lib/server/request-scope.ts),
 * once per request.
 */
export async function sessionUserFrom(requestHeaders: Headers): Promise<SessionUser | null> {
  const fast = await readSessionCookie(pgPool(), requestHeaders, authSecret());
  if (fast !== "refresh") return fast?.user ?? null;
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session || session.user.banned) return null;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: role as UserRole };
}
