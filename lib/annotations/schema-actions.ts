"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/server/action";
import { invalid, issuesOf } from "@/lib/server/errors";
import { savableLabelSetSchema } from "./schema-definition";
import { createSchemaVersion } from "./schema";

const saveSchema = z.object({
  baseVersion: z.int().min(1),
  labels: z.array(z.unknown()),
  note: z.string().trim().max(500, { message: "At most 500 characters." }).default(""),
});

/** Leads save the edited labels as the next schema version; existing annotations keep theirs. */
export const saveSchemaVersion = action({ role: "lead", input: saveSchema }, async (input, { viewer }) => {
  const labels = savableLabelSetSchema.safeParse(input.labels);
  if (!labels.success) {
    // Each issue keeps its path under `labels` ("labels.2.hotkey"): the editor puts it beside that label's field.
    const issues = issuesOf(labels.error).map((issue) => ({ ...issue, path: issue.path ? `labels.${issue.path}` : "labels" }));
    const first = labels.error.issues[0];
    throw invalid(
      `Label ${typeof first.path[0] === "number" ? first.path[0] + 1 : ""}${first.path.length > 1 ? ` (${String(first.path.at(-1))})` : ""}: ${first.message}`,
      issues,
    );
  }
  const version = await createSchemaVersion({ baseVersion: input.baseVersion, labels: labels.data, note: input.note, userId: viewer.id });
  revalidatePath("/schema");
  return { data: { version }, message: `Saved as version ${version}.` };
});
