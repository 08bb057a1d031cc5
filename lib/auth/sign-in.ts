"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { pgPool } from "@/lib/db/pg-pool";
import { action, publicAction } from "@/lib/server/action";
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from "./device-cookie";
import { safeNext } from "./safe-next";
import { auth } from "./server";
import { authSecret } from "./secret";
import { attemptSignIn } from "./sign-in-attempt";

const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter an email address." })),
  password: z.string().min(1, { message: "Enter your password." }).max(256),
  next: z.string().max(2_000).optional(),
});

/** The client address: the first X-Forwarded-For hop (Next sets it from the socket when no proxy did). A hint only: see lib/auth/throttle.ts. */
function clientAddress(requestHeaders: Headers): string {
  return requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim().slice(0, 100) || "unknown";
}

/**
 * Sign-in is the one action without a session: throttled
 * (lib/auth/sign-in-attempt.ts), then the session cookie (better-auth's,
 * through Next's cookie plugin), this browser's device cookie for the
 * account, and `next` if it stays on this app.
 */
export const signIn = publicAction({ input: signInSchema }, async (input) => {
  const [requestHeaders, jar] = await Promise.all([headers(), cookies()]);
  const { deviceCookie } = await attemptSignIn(
    {
      email: input.email,
      password: input.password,
      address: clientAddress(requestHeaders),
      deviceCookie: jar.get(DEVICE_COOKIE)?.value,
      headers: requestHeaders,
    },
    { auth: auth(), pool: pgPool(), secret: authSecret() },
  );
  jar.set(DEVICE_COOKIE, deviceCookie, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.BETTER_AUTH_URL?.startsWith("https://") ?? false,
    // Only the sign-in page's action reads it.
    path: "/sign-in",
    maxAge: DEVICE_COOKIE_DAYS * 86_400,
  });
  redirect(safeNext(input.next));
});

export const signOut = action({ input: z.object({}) }, async () => {
  await auth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
});
