import { Prisma } from "@/lib/generated/prisma/client";
import type { ListScope } from "./list-scope";
import { hasAnnotationFilter, type ListFilters } from "./list-state";

const { sql, join } = Prisma;

/**
 * The counts of a list filtered by "label is true" (e.g. complied = true from
 * one judge), read from label_signatures instead of probing every candidate
 * transcript's labels (thousands of index probes per variation on a million
 * transcripts). Exact: a variation's signatures are rebuilt in the transaction
 * that adds its transcripts (lib/analytics/label-signatures.ts), and each pair
 * counted there holds one transcript per condition whose true labels of that
 * source are listed.
 *
 * Returns null when the filters ask for more than the signatures know: other
 * values than "true", labels of several sources, human labels, blind holds, a
 * search. The caller then counts the transcripts.
 */
export function labelSignatureCountQuery(filters: ListFilters, scope: ListScope): Prisma.Sql | null {
  const { labels } = filters;
  if (!labels.length || filters.q || scope.hideBlindHeld || hasAnnotationFilter(filters)) return null;
  if (labels.some((label) => label.value !== "true" || label.source !== labels[0].source)) return null;
  const names = [...new Set(labels.map((label) => label.name))];
  const side = (condition: "training" | "deployment") => {
    const conditions = [condition === "training" ? sql`s.training_true @> ${names}::text[]` : sql`s.deployment_true @> ${names}::text[]`];
    if (filters.dataset !== undefined) {
      conditions.push(
        condition === "training"
          ? sql`s.training_dataset_id = ${filters.dataset}::int`
          : sql`s.deployment_dataset_id = ${filters.dataset}::int`,
      );
    }
    return sql`coalesce(sum(s.pairs) FILTER (WHERE ${join(conditions, " AND ")}), 0)`;
  };
  const training = filters.condition === "deployment" ? sql`0` : side("training");
  const deployment = filters.condition === "training" ? sql`0` : side("deployment");
  const conditions = [sql`s.source = ${labels[0].source}`];
  if (filters.variation !== undefined) conditions.push(sql`s.variation_id = ${filters.variation}::int`);
  if (filters.model !== undefined) conditions.push(sql`s.model_id = ${filters.model}::int`);
  if (filters.setting !== undefined)
    conditions.push(sql`s.variation_id IN (SELECT v.id FROM prompt_variations v WHERE v.setting_id = ${filters.setting}::int)`);
  return sql`SELECT (${training} + ${deployment})::int AS total, (${training})::int AS training, true AS exact
    FROM label_signatures s WHERE ${join(conditions, " AND ")}`;
}
