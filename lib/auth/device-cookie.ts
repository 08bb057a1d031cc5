import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The device cookie of sign-in throttling (lib/auth/throttle.ts): set when a
 * browser signs in to an account, it lets that browser's later attempts on
 * that account be counted apart from everyone else's. It names the account
 * and a random id, signed with the app's secret, so it cannot be forged or
 * moved to another account. It grants nothing else: no session, no access.
 */
export const DEVICE_COOKIE = "af_device";
export const DEVICE_COOKIE_DAYS = 180;

const sign = (secret: string, payload: string) => createHmac("sha256", secret).update(`device:${payload}`).digest("base64url");

export function deviceCookieValue(email: string, secret: string, id = randomBytes(16).toString("base64url")): string {
  const payload = `${Buffer.from(email.toLowerCase()).toString("base64url")}.${id}`;
  return `${payload}.${sign(secret, payload)}`;
}

/** The device id, if `value` is a cookie this app signed for `email`. */
export function deviceIdFor(value: string | undefined, email: string, secret: string): string | null {
  const parts = value?.split(".");
  if (!parts || parts.length !== 3) return null;
  const [account, id, signature] = parts;
  const expected = Buffer.from(sign(secret, `${account}.${id}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(account, "base64url").toString() === email.toLowerCase() ? id : null;
}
