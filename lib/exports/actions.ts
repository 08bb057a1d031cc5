"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/auth/action";
import { UserFacingError } from "@/lib/auth/errors";
import { pgPool } from "@/lib/db/pg-pool";
import { createExportJob } from "./jobs";
import { exportRequestSchema, fromTableQuery, parseSplitArgument } from "./request";

/** The export page's form: the table's filters come as its query string (`from`), the rest as fields. */
const formSchema = z.object({
  from: z.string().max(4_000).default(""),
  format: z.string(),
  split: z.string().max(40),
  seed: z.string().max(12),
  anonymize: z.literal("on").optional(),
  importedLabels: z.literal("on").optional(),
});

export const startExport = authorizedAction("lead", formSchema, async (form, user) => {
  const parsed = exportRequestSchema.safeParse({
    format: form.format,
    filters: fromTableQuery(new URLSearchParams(form.from)),
    split: parseSplitArgument(form.split),
    seed: Number(form.seed),
    anonymize: form.anonymize === "on",
    importedLabels: form.importedLabels === "on",
  });
  if (!parsed.success)
    throw new UserFacingError(parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`).join(" "));
  const client = await pgPool().connect();
  const { id } = await createExportJob(client, parsed.data, user.id).finally(() => client.release());
  revalidatePath("/exports");
  return { ok: true, data: { id }, message: `Export #${id} started.` };
});
