"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { UserFacingError } from "@/lib/auth/errors";
import { pgPool } from "@/lib/db/pg-pool";
import { createApiToken, revokeApiToken } from "./tokens";

/** Any signed-in user manages their own API tokens; a token acts with its creator's role. */
const createSchema = z.object({ name: z.string().trim().min(1, { message: "Name the token (what uses it)." }).max(80) });

export const createToken = authorizedAction("annotator", createSchema, async ({ name }, user) => {
  const { token } = await createApiToken(pgPool(), user, name);
  revalidatePath("/settings/tokens");
  return { ok: true, data: { token }, message: "Created. Copy the token now: it is shown only once." };
});

const revokeSchema = z.object({ id: z.coerce.number().int().positive() });

export const revokeToken = authorizedAction("annotator", revokeSchema, async ({ id }, user) => {
  if (!(await revokeApiToken(pgPool(), user.id, id))) throw new UserFacingError("No such token of yours, or it was revoked already.");
  revalidatePath("/settings/tokens");
  return { ok: true, data: null, message: "Revoked: requests with it are refused from now on." };
});
