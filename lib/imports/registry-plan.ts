import "server-only";
import { db } from "@/lib/db/client";
import { DEMO_DATASET } from "@/lib/demo/seed";
import { slugify } from "./slug";

/**
 * What a file will create and what it will join, before it is imported: its
 * settings, variations, models and dataset, each new or existing, and how
 * many transcripts the existing ones hold (of which demo data). The import
 * page shows it and lets the user keep a file's settings and models apart
 * from existing ones (ImportRequest.keepApart), by default from demo data.
 */
export interface PlanEntry {
  kind: "setting" | "variation" | "model" | "dataset";
  name: string;
  /** For a variation: its setting's name. */
  setting?: string;
  exists: boolean;
  transcripts: number;
  demoTranscripts: number;
}

export interface RegistryNames {
  settings: Set<string>;
  /** "setting\u0000variation" */
  variations: Set<string>;
  models: Set<string>;
}

export const emptyNames = (): RegistryNames => ({ settings: new Set(), variations: new Set(), models: new Set() });

export async function planRegistry(names: RegistryNames, dataset: string): Promise<PlanEntry[]> {
  const settings = [...names.settings];
  const variations = [...names.variations].map((key) => key.split("\u0000") as [string, string]);
  const models = [...names.models];
  const counts = (rows: { key: string; n: bigint | null; demo: bigint | null }[]) =>
    new Map(rows.map((row) => [row.key, { transcripts: Number(row.n ?? 0), demo: Number(row.demo ?? 0) }]));
  // transcript_counts is exact and small: no scan of transcripts, whatever the corpus size.
  const settingRows = counts(
    await db().$queryRaw`
      SELECT s.slug AS key, sum(c.count) AS n, sum(c.count) FILTER (WHERE d.name = ${DEMO_DATASET}) AS demo
        FROM settings s LEFT JOIN transcript_counts c ON c.setting_id = s.id LEFT JOIN datasets d ON d.id = c.dataset_id
       WHERE s.slug = ANY(${settings.map(slugify)}::text[]) GROUP BY s.slug`,
  );
  const variationRows = counts(
    await db().$queryRaw`
      SELECT s.slug || '/' || v.slug AS key, sum(c.count) AS n, sum(c.count) FILTER (WHERE d.name = ${DEMO_DATASET}) AS demo
        FROM prompt_variations v JOIN settings s ON s.id = v.setting_id
        LEFT JOIN transcript_counts c ON c.variation_id = v.id LEFT JOIN datasets d ON d.id = c.dataset_id
       WHERE s.slug || '/' || v.slug = ANY(${variations.map(([s, v]) => `${slugify(s)}/${slugify(v)}`)}::text[])
       GROUP BY 1`,
  );
  const modelRows = counts(
    await db().$queryRaw`
      SELECT m.name AS key, sum(c.count) AS n, sum(c.count) FILTER (WHERE d.name = ${DEMO_DATASET}) AS demo
        FROM models m LEFT JOIN transcript_counts c ON c.model_id = m.id LEFT JOIN datasets d ON d.id = c.dataset_id
       WHERE m.name = ANY(${models}::text[]) GROUP BY m.name`,
  );
  const datasetRows = counts(
    await db().$queryRaw`
      SELECT d.name AS key, sum(c.count) AS n, sum(c.count) FILTER (WHERE d.name = ${DEMO_DATASET}) AS demo
        FROM datasets d LEFT JOIN transcript_counts c ON c.dataset_id = d.id WHERE d.name = ${dataset} GROUP BY d.name`,
  );
  const entry = (
    kind: PlanEntry["kind"],
    name: string,
    found: { transcripts: number; demo: number } | undefined,
    setting?: string,
  ): PlanEntry => ({
    kind,
    name,
    ...(setting !== undefined ? { setting } : {}),
    exists: found !== undefined,
    transcripts: found?.transcripts ?? 0,
    demoTranscripts: found?.demo ?? 0,
  });
  return [
    ...settings.map((name) => entry("setting", name, settingRows.get(slugify(name)))),
    ...variations.map(([setting, name]) => entry("variation", name, variationRows.get(`${slugify(setting)}/${slugify(name)}`), setting)),
    ...models.map((name) => entry("model", name, modelRows.get(name))),
    entry("dataset", dataset, datasetRows.get(dataset)),
  ];
}
