"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { createAccount, generatePassword } from "./accounts";
import { authorizedAction } from "./action";
import { MIN_PASSWORD_LENGTH } from "./config";
import { UserFacingError } from "./errors";
import { roleSchema } from "./roles";
import { auth } from "./server";
import { deactivateUser, reactivateUser, setUserPassword, setUserRole } from "./users";

/** Admin-only user management. Each action checks the session and the admin role itself. */

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

export const createUser = authorizedAction("admin", createSchema, async (input) => {
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } }))
    throw new UserFacingError(`${input.email} already has an account.`);
  const password = input.password || generatePassword();
  await createAccount(auth(), { ...input, password });
  revalidatePath("/admin/users");
  return { ok: true, data: { email: input.email, password: input.password ? null : password }, message: `Created ${input.email}.` };
});

const userIdSchema = z.object({ userId: z.string().min(1).max(64) });

export const changeRole = authorizedAction("admin", userIdSchema.extend({ role: roleSchema }), async ({ userId, role }, admin) => {
  await setUserRole(db(), admin.id, userId, role);
  revalidatePath("/admin/users");
  return { ok: true, data: null, message: "Role changed." };
});

export const deleteUser = authorizedAction("admin", userIdSchema, async ({ userId }, admin) => {
  await deactivateUser(db(), admin.id, userId);
  revalidatePath("/admin/users");
  return { ok: true, data: null, message: "Deleted. The account cannot sign in; its labels and audit entries keep its name." };
});

/** A new generated password, shown once; also gives a deleted account its access back. */
export const resetPassword = authorizedAction("admin", userIdSchema, async ({ userId }) => {
  const user = await db().user.findUnique({ where: { id: userId }, select: { email: true, banned: true } });
  if (!user) throw new UserFacingError("No such user.");
  const password = generatePassword();
  if (user.banned) await reactivateUser(auth(), db(), userId, password);
  else await setUserPassword(auth(), userId, password);
  revalidatePath("/admin/users");
  return {
    ok: true,
    data: { email: user.email, password },
    message: user.banned ? `Restored ${user.email}.` : `New password for ${user.email}.`,
  };
});
