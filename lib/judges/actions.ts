"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cancelRun, defineJudge, removeProviderKey, saveProviderKey, startRun } from "@/lib/access/judges";
import { fromTableQuery } from "@/lib/exports/request";
import { action } from "@/lib/server/action";
import { invalid, issuesOf } from "@/lib/server/errors";
import { apiKeyNameSchema, llmJudgeSchema } from "./definition";

/** The /judges page's forms. Each field error names its field, as the form labels do. */
const judgeForm = z.record(z.string(), z.string().max(4_000));

export const createJudge = action({ role: "lead", input: judgeForm }, async (form) => {
  const parsed = llmJudgeSchema.safeParse(form);
  if (!parsed.success)
    throw invalid(
      issuesOf(parsed.error)
        .map((issue) => `${issue.path || "judge"}: ${issue.message}`)
        .join("; "),
      issuesOf(parsed.error),
    );
  const id = await defineJudge(parsed.data);
  revalidatePath("/judges");
  return { data: { id }, message: `Judge “${parsed.data.name}” defined.` };
});

/** `from`: the transcripts table's query string (its filter), as the export page takes it. */
export const startJudgeRunAction = action(
  { role: "lead", input: z.object({ judgeId: z.coerce.number().int().positive(), from: z.string().max(4_000).default("") }) },
  async ({ judgeId, from }) => {
    const { runId } = await startRun(judgeId, fromTableQuery(new URLSearchParams(from.replace(/^\?/, ""))));
    revalidatePath("/judges");
    return { data: { runId }, message: `Run #${runId} started.` };
  },
);

export const cancelJudgeRunAction = action(
  { role: "lead", input: z.object({ runId: z.coerce.number().int().positive() }) },
  async ({ runId }) => {
    const outcome = await cancelRun(runId);
    revalidatePath("/judges");
    return {
      data: { outcome },
      message:
        outcome === "stopping"
          ? `Run #${runId} is stopping.`
          : outcome === "cancelled"
            ? `Run #${runId} cancelled.`
            : `Run #${runId} had finished.`,
    };
  },
);

/**
 * The admin's provider keys (/admin/keys). The value goes in and is stored encrypted; no answer, message or
 * error carries it back (zod's messages here never quote the input).
 */
export const saveProviderKeyAction = action(
  {
    role: "admin",
    input: z.object({
      name: apiKeyNameSchema,
      value: z.string().trim().min(1, "the key is empty").max(4_000, "a key is at most 4,000 characters"),
    }),
  },
  async ({ name, value }) => {
    await saveProviderKey(name, value);
    revalidatePath("/admin/keys");
    revalidatePath("/judges");
    return { data: { name }, message: `Key ${name} saved (stored encrypted).` };
  },
);

export const deleteProviderKeyAction = action({ role: "admin", input: z.object({ name: apiKeyNameSchema }) }, async ({ name }) => {
  const removed = await removeProviderKey(name);
  revalidatePath("/admin/keys");
  return { data: { removed }, message: removed ? `Key ${name} deleted.` : `No stored key ${name}: nothing to delete.` };
});
