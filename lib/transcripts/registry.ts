import "server-only";
import { db } from "@/lib/db/client";
import type { LabelFilter } from "./list-state";
import type { FilterOptions } from "./registry-names";

const MAX_LABEL_OPTIONS = 200;

/** The small registry tables, read whole, plus the distinct source labels. */
export async function getFilterOptions(): Promise<FilterOptions> {
  const client = db();
  const [settings, variations, models, datasets, labels] = await Promise.all([
    client.setting.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } }),
    client.promptVariation.findMany({
      select: { id: true, name: true, settingId: true, isBaseline: true },
      orderBy: [{ settingId: "asc" }, { position: "asc" }, { name: "asc" }],
    }),
    client.model.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    client.dataset.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    distinctSourceLabels(),
  ]);
  return { settings, variations, models, datasets, labels };
}

/**
 * Distinct (source, name, value) of source_labels by a loose index scan: one
 * index probe per distinct triple instead of reading a million labels.
 */
async function distinctSourceLabels(): Promise<LabelFilter[]> {
  return db().$queryRaw<LabelFilter[]>`
    WITH RECURSIVE distinct_labels AS (
      (SELECT source, name, value FROM source_labels ORDER BY source, name, value LIMIT 1)
      UNION ALL
      SELECT next.source, next.name, next.value FROM distinct_labels d,
        LATERAL (SELECT s.source, s.name, s.value FROM source_labels s
                 WHERE (s.source, s.name, s.value) > (d.source, d.name, d.value)
                 ORDER BY s.source, s.name, s.value LIMIT 1) next
    )
    SELECT source, name, value FROM distinct_labels LIMIT ${MAX_LABEL_OPTIONS}`;
}
