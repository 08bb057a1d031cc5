"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { UserFacingError } from "@/lib/auth/errors";
import { pgPool } from "@/lib/db/pg-pool";
import { cancelJob } from "./queue";

/** Cancels a background job (an import, an export, ...): leads, who start them. */
export const cancelJobAction = authorizedAction("lead", z.object({ jobId: z.coerce.number().int().positive() }), async ({ jobId }) => {
  const client = await pgPool().connect();
  const outcome = await cancelJob(client, jobId).finally(() => client.release());
  if (outcome === "missing") throw new UserFacingError(`There is no job ${jobId}.`);
  revalidatePath("/exports");
  revalidatePath("/imports");
  revalidatePath("/jobs");
  const message =
    outcome === "cancelled"
      ? "Cancelled."
      : outcome === "stopping"
        ? "Stopping: the worker running it stops within a few seconds."
        : "It had already finished.";
  return { ok: true, data: { outcome }, message };
});
