"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelJobAs } from "@/lib/access/jobs";
import { idSchema } from "@/lib/schemas";
import { action } from "@/lib/server/action";

/** Cancels a background job (an import, an export, ...): leads, who start them. */
export const cancelJobAction = action({ role: "lead", input: z.object({ jobId: idSchema }) }, async ({ jobId }) => {
  const { outcome } = await cancelJobAs(jobId);
  revalidatePath("/exports");
  revalidatePath("/imports");
  revalidatePath("/jobs");
  const message =
    outcome === "cancelled"
      ? "Cancelled."
      : outcome === "stopping"
        ? "Stopping: the worker running it stops within a few seconds."
        : "It had already finished.";
  return { data: { outcome }, message };
});
