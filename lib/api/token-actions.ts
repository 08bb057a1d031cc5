"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { pgPool } from "@/lib/db/pg-pool";
import { idSchema } from "@/lib/schemas";
import { action } from "@/lib/server/action";
import { invalid } from "@/lib/server/errors";
import { createApiToken, revokeApiToken } from "./tokens";

/** Any signed-in user manages their own API tokens; a token acts with its creator's role. */
const createSchema = z.object({ name: z.string().trim().min(1, { message: "Name the token (what uses it)." }).max(80) });

export const createToken = action({ input: createSchema }, async ({ name }, { viewer }) => {
  const { token } = await createApiToken(pgPool(), viewer, name);
  revalidatePath("/settings/tokens");
  return { data: { token }, message: "Created. Copy the token now: it is shown only once." };
});

const revokeSchema = z.object({ id: idSchema });

export const revokeToken = action({ input: revokeSchema }, async ({ id }, { viewer }) => {
  if (!(await revokeApiToken(pgPool(), viewer.id, id))) throw invalid("No such token of yours, or it was revoked already.");
  revalidatePath("/settings/tokens");
  return { data: null, message: "Revoked: requests with it are refused from now on." };
});
