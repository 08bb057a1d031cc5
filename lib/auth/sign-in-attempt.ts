import { APIError } from "better-auth/api";
import type pg from "pg";
import { ExpectedError } from "@/lib/server/errors";
import type { Auth } from "./config";
import { deviceCookieValue, deviceIdFor } from "./device-cookie";
import { lockedForSeconds, recordFailure, recordSuccess, throttleKeys } from "./throttle";

/**
 * One sign-in attempt, throttled (lib/auth/throttle.ts) before the password
 * is even checked. Without Next.js: the action (lib/auth/sign-in.ts) passes
 * in the request's headers, address and device cookie, and sets the cookies
 * this returns; the throttling tests drive it directly.
 */
export interface Attempt {
  email: string;
  password: string;
  /** The client address (a hint: see throttle.ts). */
  address: string;
  /** This browser's device cookie, if it has one. */
  deviceCookie: string | undefined;
  headers: Headers;
}

export interface SignedIn {
  /** better-auth's session cookies, as Set-Cookie lines (the action lets Next set them). */
  sessionHeaders: Headers;
  /** The device cookie to keep for this account on this browser. */
  deviceCookie: string;
}

export async function attemptSignIn(attempt: Attempt, deps: { auth: Auth; pool: pg.Pool; secret: string }): Promise<SignedIn> {
  const keys = throttleKeys({
    email: attempt.email,
    address: attempt.address,
    deviceId: deviceIdFor(attempt.deviceCookie, attempt.email, deps.secret),
  });
  const locked = await lockedForSeconds(deps.pool, keys);
  if (locked > 0) throw tooMany(locked);
  let sessionHeaders: Headers;
  try {
    ({ headers: sessionHeaders } = await deps.auth.api.signInEmail({
      body: { email: attempt.email, password: attempt.password },
      headers: attempt.headers,
      returnHeaders: true,
    }));
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    if (error.body?.code === "BANNED_USER") throw new ExpectedError("forbidden", "This account has been deactivated. Ask an admin.");
    // The failure that sets a lock still says only this; the next attempt says how long to wait.
    await recordFailure(deps.pool, keys);
    throw new ExpectedError("unauthenticated", "Wrong email or password.");
  }
  await recordSuccess(deps.pool, keys);
  return { sessionHeaders, deviceCookie: deviceCookieValue(attempt.email, deps.secret) };
}

function tooMany(seconds: number) {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new ExpectedError("too_many_requests", `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}
