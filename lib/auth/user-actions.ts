"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { SignInThrottleScope } from "@/lib/generated/prisma/enums";
import { action } from "@/lib/server/action";
import { invalid } from "@/lib/server/errors";
import { createAccount, generatePassword } from "./accounts";
import { MIN_PASSWORD_LENGTH } from "./config";
import { roleSchema } from "./roles";
import { auth } from "./server";
import { clearLock } from "./throttle";
import { deactivateUser, reactivateUser, setUserPassword, setUserRole } from "./users";

/** Admin-only user management (the action wrapper checks the session and the admin role), and clearing sign-in locks. */

const createSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "Enter an email address." })),
  name: z.string().trim().min(1, { message: "Enter a name." }).max(100),
  role: roleSchema,
  password: z
    .string()
    .max(256)
    .refine((password) => password === "" || password.length >= MIN_PASSWORD_LENGTH, {
      message: `At least ${MIN_PASSWORD_LENGTH} characters, or leave empty to generate one.`,
    })
    .default(""),
});

export const createUser = action({ role: "admin", input: createSchema }, async (input) => {
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } }))
    throw invalid(`${input.email} already has an account.`);
  const password = input.password || generatePassword();
  await createAccount(auth(), { ...input, password });
  revalidatePath("/admin/users");
  return { data: { email: input.email, password: input.password ? null : password }, message: `Created ${input.email}.` };
});

const userIdSchema = z.object({ userId: z.string().min(1).max(64) });

export const changeRole = action(
  { role: "admin", input: userIdSchema.extend({ role: roleSchema }) },
  async ({ userId, role }, { viewer }) => {
    await setUserRole(db(), viewer.id, userId, role);
    revalidatePath("/admin/users");
    return { data: null, message: "Role changed." };
  },
);

export const deleteUser = action({ role: "admin", input: userIdSchema }, async ({ userId }, { viewer }) => {
  await deactivateUser(db(), viewer.id, userId);
  revalidatePath("/admin/users");
  return { data: null, message: "Deleted. The account cannot sign in; its labels and audit entries keep its name." };
});

/** A new generated password, shown once; also gives a deleted account its access back. */
export const resetPassword = action({ role: "admin", input: userIdSchema }, async ({ userId }) => {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, banned: true } });
  if (!user) throw invalid("No such user.");
  const password = generatePassword();
  if (user.banned) await reactivateUser(auth(), db(), userId, password);
  else await setUserPassword(auth(), userId, password);
  revalidatePath("/admin/users");
  return {
    data: { email: user.email, password },
    message: user.banned ? `Restored ${user.email}.` : `New password for ${user.email}.`,
  };
});

const lockSchema = z.object({ scope: z.enum(SignInThrottleScope), key: z.string().min(1).max(400) });

/** An admin lifts a sign-in lock (recorded with who did it, lib/auth/throttle.ts). */
export const clearSignInLock = action({ role: "admin", input: lockSchema }, async ({ scope, key }, { viewer }) => {
  if (!(await clearLock(pgPool(), scope, key, viewer.id))) throw invalid("That lock has ended already.");
  revalidatePath("/admin/users");
  return { data: null, message: "Lock cleared: sign-in is open again for it." };
});
