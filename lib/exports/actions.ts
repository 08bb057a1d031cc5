"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { startExportJob } from "@/lib/access/exports";
import { action } from "@/lib/server/action";
import { invalid, issuesOf } from "@/lib/server/errors";
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

export const startExport = action({ role: "lead", input: formSchema }, async (form) => {
  const parsed = exportRequestSchema.safeParse({
    format: form.format,
    filters: fromTableQuery(new URLSearchParams(form.from)),
    split: parseSplitArgument(form.split),
    seed: Number(form.seed),
    anonymize: form.anonymize === "on",
    importedLabels: form.importedLabels === "on",
  });
  if (!parsed.success) {
    // The request's paths are the form's field names (format, split, seed): the form shows each issue beside its field.
    const issues = issuesOf(parsed.error);
    throw invalid(issues.map((issue) => `${issue.path.split(".")[0]}: ${issue.message}`).join(" "), issues);
  }
  const { id } = await startExportJob(parsed.data);
  revalidatePath("/exports");
  return { data: { id }, message: `Export #${id} started.` };
});
