"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/server/action";
import { invalid } from "@/lib/server/errors";
import { savableLabelSetSchema } from "./schema-definition";
import { createSchemaVersion } from "./schema";

const saveSchema = z.object({
  baseVersion: z.int().min(1),
  labels: z.array(z.unknown()),
  note: z.string().trim().max(500).default(""),
});

/** Leads save the edited labels as the next schema version; existing annotations keep theirs. */
export const saveSchemaVersion = action({ role: "lead", input: saveSchema }, async (input, { viewer }) => {
  const labels = savableLabelSetSchema.safeParse(input.labels);
  if (!labels.success) {
    const issue = labels.error.issues[0];
    throw invalid(
      `Label ${typeof issue.path[0] === "number" ? issue.path[0] + 1 : ""}${issue.path.length > 1 ? ` (${String(issue.path.at(-1))})` : ""}: ${issue.message}`,
    );
  }
  const version = await createSchemaVersion({ baseVersion: input.baseVersion, labels: labels.data, note: input.note, userId: viewer.id });
  revalidatePath("/schema");
  return { data: { version }, message: `Saved as version ${version}.` };
});
