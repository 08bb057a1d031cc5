"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { checkSignInAttempt, signInSucceeded } from "./rate-limit";
import { auth } from "./server";

export interface SignInState {
  message?: string;
  email?: string;
}

const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter an email address." })),
  password: z.string().min(1, { message: "Enter your password." }).max(256),
  next: z.string().optional(),
});

/** Only paths inside the app: never an open redirect to another site. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

/**
 * Sign-in is the one action that needs no session. Rate-limited per account
 * and per client address before the password is even checked.
 */
export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  const email = typeof form.get("email") === "string" ? String(form.get("email")) : "";
  if (!parsed.success) return { message: parsed.error.issues[0]?.message ?? "Enter your email and password.", email };

  const requestHeaders = await headers();
  const address = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
  const verdict = checkSignInAttempt(parsed.data.email, address);
  if (!verdict.ok) return { message: verdict.message, email };

  try {
    await auth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: requestHeaders });
  } catch (error) {
    if (error instanceof APIError) {
      const deactivated = error.body?.code === "BANNED_USER";
      return { message: deactivated ? "This account has been deactivated. Ask an admin." : "Wrong email or password.", email };
    }
    throw error;
  }
  signInSucceeded(parsed.data.email);
  redirect(safeNext(parsed.data.next));
}

export async function signOut(): Promise<void> {
  await auth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
