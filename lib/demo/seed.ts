import pg from "pg";
import { refreshLabelSignatures } from "@/lib/analytics/label-signatures";
import { BatchWriter } from "@/lib/transcripts/batch-writer";
import { SearchVectorizer } from "@/lib/transcripts/search-vectors";
import { prepareTranscript, type Rejection } from "@/lib/transcripts/store";
import { DEFAULT_DEMO_SEED, demoCells, generateDemoCorpus, type DemoTranscript } from "./generate";
import { seedDemoJudgeRun } from "./judge-run";
import { DEMO_MODELS, DEMO_SETTINGS, DEMO_VARIATIONS } from "./registry";
import { copyOf, copySlug, variationCopies } from "./variation-copies";

export const DEMO_DATASET = "demo";
export const DEFAULT_DEMO_SIZE = 4_000;
/**
 * The demo's source labels: what the generator meant each transcript to show,
 * stored like an LLM judge's verdicts that arrive with imported data.
 */
export const DEMO_LABEL_SOURCE = "demo generator";

export interface SeedOptions {
  size: number;
  seed?: number;
  onProgress?: (done: number) => void;
  /**
   * The page benchmarks' shape (issue 17): `variations` prompt variations in all (copies of the registry's,
   * lib/demo/variation-copies.ts) and a third imported label per transcript (`compromise`, 1-4). Unset: the
   * registry's variations and two labels, as the demo has always had.
   */
  shape?: { variations?: number; compromiseLabel?: boolean };
}

const BATCH = 2_000; // transcripts per COPY round; memory stays flat whatever the size

interface Registry {
  datasetId: number;
  variationIds: Map<string, number>; // "setting/variation" -> id (copies: "setting/variation~k")
  copies: Map<string, number>; // "setting/variation" -> how many copies it has (1: itself only)
  settingIds: Map<string, number>; // setting slug -> id
  modelIds: Map<string, number>;
}

/**
 * Replaces the demo corpus with `size` generated transcripts in one transaction
 * (all or nothing), through COPY. Returns how many transcripts were inserted.
 */
export async function seedDemoCorpus(databaseUrl: string, options: SeedOptions): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const vectorizer = await SearchVectorizer.open(databaseUrl);
  let writer: BatchWriter | undefined;
  try {
    await client.query("BEGIN");
    await removeDemoTranscripts(client);
    const registry = await upsertRegistry(client, options.shape?.variations ?? DEMO_VARIATIONS.length);
    const cells = demoCells().length;
    const clashes: Rejection[] = [];
    writer = new BatchWriter(client, { datasetId: registry.datasetId, importId: null }, vectorizer, {
      maxRows: BATCH,
      onRejected: (rejected) => clashes.push(...rejected),
    });
    let added = 0;
    for (const transcript of generateDemoCorpus({ size: options.size, seed: options.seed })) {
      await writer.add(prepareDemoTranscript(registry, transcript, added, cells, options.shape?.compromiseLabel ?? false));
      if (++added % BATCH === 0) options.onProgress?.(writer.inserted);
    }
    await writer.flush();
    if (clashes.length || writer.duplicates) {
      throw new Error(
        `The demo generator produced a clashing transcript: ${JSON.stringify(clashes[0] ?? `${writer.duplicates} duplicate(s)`)}`,
      );
    }
    options.onProgress?.(writer.inserted);
    await refreshLabelSignatures(client, [...registry.variationIds.values()]);
    // The judge run reads the rows just written, a batch at a time joined to their labels: statistics first, or the
    // planner still sees the tables as they were before (empty) and joins each batch by scanning every label
    // (a 100,000-transcript seed took over ten minutes on a two-core machine instead of about one).
    await client.query("ANALYZE transcripts, source_labels");
    // The generated judge run over the corpus (lib/demo/judge-run.ts), so the judges' pages have something true to show.
    await seedDemoJudgeRun(client, { datasetId: registry.datasetId, seed: options.seed ?? DEFAULT_DEMO_SEED });
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return writer.inserted;
  } catch (error) {
    await writer?.abort();
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await vectorizer.close();
    await client.end();
  }
}

export async function countTranscripts(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM transcripts");
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

/** Seeding replaces the demo corpus; other datasets are left alone. */
async function removeDemoTranscripts(client: pg.ClientBase) {
  const { rows } = await client.query<{ name: string }>("SELECT name FROM datasets");
  if (rows.every((row) => row.name === DEMO_DATASET)) {
    // Annotations (and their audit trail) of the demo transcripts go with them, and so do
    // the queues, claims and adjudications over them (the team audit log stays: it is history).
    await client.query(
      "TRUNCATE transcripts, source_labels, pairs, queries, annotations, annotation_spans, annotation_audit, label_queues, label_queue_annotators, label_queue_items, label_queue_claims, adjudications, judge_samples, judge_predictions",
    );
    return;
  }
  await client.query(
    "DELETE FROM annotation_audit a USING transcripts t, datasets d WHERE t.id = a.transcript_id AND d.id = t.dataset_id AND d.name = $1",
    [DEMO_DATASET],
  );
  await client.query("DELETE FROM transcripts USING datasets d WHERE d.id = transcripts.dataset_id AND d.name = $1", [DEMO_DATASET]);
  await client.query("DELETE FROM pairs p WHERE NOT EXISTS (SELECT 1 FROM transcripts t WHERE t.pair_id = p.id)");
}

async function upsertRegistry(client: pg.ClientBase, variationCount: number): Promise<Registry> {
  const settingIds = new Map<string, number>();
  for (const setting of DEMO_SETTINGS) {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO settings (slug, name, description) VALUES ($1, $2, $3)
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [setting.slug, setting.name, setting.description ?? null],
    );
    settingIds.set(setting.slug, rows[0].id);
  }
  const variationIds = new Map<string, number>();
  const copies = new Map<string, number>();
  for (const { variation, copy, slug } of variationCopies(DEMO_VARIATIONS, variationCount)) {
    const key = `${variation.settingSlug}/${variation.slug}`;
    copies.set(key, copy + 1);
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO prompt_variations (setting_id, slug, name, description, system_prompt, is_baseline, position, reference_no)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (setting_id, slug) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
         system_prompt = EXCLUDED.system_prompt, is_baseline = EXCLUDED.is_baseline, position = EXCLUDED.position,
         reference_no = EXCLUDED.reference_no
       RETURNING id`,
      [
        settingIds.get(variation.settingSlug),
        slug,
        copy === 0 ? variation.name : `${variation.name} (copy ${copy})`,
        variation.description ?? null,
        variation.systemPrompt ?? null,
        // A copy is never its setting's baseline, and keeps no paper number (the paper measured the original only).
        copy === 0 && variation.isBaseline,
        variation.position + copy * DEMO_VARIATIONS.length,
        copy === 0 ? variation.paperVariationNo : null,
      ],
    );
    variationIds.set(`${variation.settingSlug}/${slug}`, rows[0].id);
  }
  const modelIds = new Map<string, number>();
  for (const model of DEMO_MODELS) {
    const name = typeof model === "string" ? model : model.name;
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO models (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [name],
    );
    modelIds.set(name, rows[0].id);
  }
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO datasets (name, description, source) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [DEMO_DATASET, "Generated demo corpus; rates follow the paper's per-variation results.", "lib/demo/generate.ts"],
  );
  return { datasetId: rows[0].id, variationIds, copies, settingIds, modelIds };
}

function prepareDemoTranscript(registry: Registry, t: DemoTranscript, ref: number, cells: number, compromiseLabel: boolean) {
  const copies = registry.copies.get(`${t.settingSlug}/${t.variationSlug}`) ?? 1;
  const variationSlug = copySlug(t.variationSlug, copyOf(ref, cells, copies));
  const variationId = registry.variationIds.get(`${t.settingSlug}/${variationSlug}`);
  const settingId = registry.settingIds.get(t.settingSlug);
  const modelId = registry.modelIds.get(t.model);
  if (variationId === undefined || settingId === undefined || modelId === undefined) {
    throw new Error(`Unknown demo variation or model: ${t.settingSlug}/${t.variationSlug}, ${t.model}`);
  }
  return prepareTranscript({
    ref,
    settingId,
    variationId,
    modelId,
    settingSlug: t.settingSlug,
    variationSlug,
    modelName: t.model,
    condition: t.condition,
    queryText: t.queryText,
    sampleIndex: t.sampleIndex,
    messages: t.messages,
    sourceLabels: [
      { source: DEMO_LABEL_SOURCE, name: "complied", value: String(t.truth.complied) },
      { source: DEMO_LABEL_SOURCE, name: "alignment_faking", value: String(t.truth.alignmentFaking) },
      ...(compromiseLabel ? [{ source: DEMO_LABEL_SOURCE, name: "compromise", value: String(t.truth.compromise) }] : []),
    ],
  });
}
