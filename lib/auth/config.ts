import { betterAuth, type BetterAuthPlugin } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin } from "better-auth/plugins/admin";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";
import { createAccessControl } from "better-auth/plugins/access";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The better-auth configuration, as a factory with no Next.js import, so that
 * the CLI (`npm run user:create`), the demo-account seeding and the benchmark
 * build the very same auth as the app (lib/auth/server.ts adds Next's cookie
 * plugin).
 *
 * - Email and password only; no public sign-up: admins create accounts.
 * - Passwords: better-auth's default scrypt (N=16384, r=16, p=1, 64-byte key).
 * - Roles: better-auth's admin plugin with our three roles. Only `admin` holds
 *   its user-management permissions; lead and annotator hold none.
 * - better-auth's HTTP handler is not mounted (no /api/auth route): the app
 *   signs in and out through server actions calling `auth.api`, which is also
 *   where sign-in is throttled (lib/auth/throttle.ts).
 */
export const SESSION_DAYS = 7;
/** A session in use is extended (to SESSION_DAYS from now) at most once per this many seconds. */
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60;
export const MIN_PASSWORD_LENGTH = 10;

const accessControl = createAccessControl(defaultStatements);
export const AUTH_ROLES = {
  admin: adminAc,
  lead: accessControl.newRole({ user: [], session: [] }),
  annotator: accessControl.newRole({ user: [], session: [] }),
};

export interface AuthConfig {
  prisma: PrismaClient;
  secret: string;
  /** The public URL; https makes the cookies Secure. */
  baseURL?: string;
  plugins?: BetterAuthPlugin[];
}

export function createAuth({ prisma, secret, baseURL, plugins = [] }: AuthConfig) {
  return betterAuth({
    appName: "AF Lens",
    secret,
    // Only server-side API calls are made (no HTTP handler), so the URL decides
    // nothing but cookie security, set explicitly below.
    baseURL: baseURL ?? "http://localhost",
    database: prismaAdapter(prisma, { provider: "postgresql", transaction: true }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
    },
    session: {
      expiresIn: SESSION_DAYS * 24 * 60 * 60,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
    },
    user: {
      // Role changes go through the admin actions only, never through a user's own update.
      additionalFields: {},
    },
    plugins: [
      admin({
        ac: accessControl,
        roles: AUTH_ROLES,
        defaultRole: "annotator",
        adminRoles: ["admin"],
        bannedUserMessage: "This account has been deactivated. Ask an admin if you think this is a mistake.",
      }),
      ...plugins,
    ],
    advanced: {
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      // Joins: a session and its user in one query on every request.
      database: { generateId: () => crypto.randomUUID(), joins: true },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
