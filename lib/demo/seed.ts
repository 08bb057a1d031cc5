import pg from "pg";
import { asJson, asTextArray, copyEncodedRows, encodeCopyRow } from "@/lib/db/copy";
import { parseMessages } from "@/lib/transcripts/parse";
import { textHash, transcriptContentHash } from "@/lib/transcripts/content-hash";
import { generateDemoCorpus, type DemoTranscript } from "./generate";
import { DEMO_MODELS, DEMO_SETTINGS, DEMO_VARIATIONS } from "./registry";

export const DEMO_DATASET = "demo";
export const DEFAULT_DEMO_SIZE = 4_000;

export interface SeedOptions {
  size: number;
  seed?: number;
  onProgress?: (done: number) => void;
}

const BATCH = 5_000; // transcripts per COPY round; memory stays flat whatever the size
const TRANSCRIPT_COLUMNS = ["pair_id", "setting_id", "variation_id", "model_id", "query_id", "dataset_id", "condition", "raw_messages", "turns", "scratchpad_text", "final_output", "format_issues", "content_hash"];

interface Registry {
  datasetId: number;
  variationIds: Map<string, number>; // "setting/variation" -> id
  settingIds: Map<string, number>; // setting slug -> id
  modelIds: Map<string, number>;
  queryIds: Map<string, number>; // text hash -> id
}

/**
 * Replaces the demo corpus with `size` generated transcripts in one transaction
 * (all or nothing), through COPY. Returns how many transcripts were inserted.
 */
export async function seedDemoCorpus(databaseUrl: string, options: SeedOptions): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await removeDemoTranscripts(client);
    const registry = await upsertRegistry(client);
    let done = 0;
    let batch: DemoTranscript[] = [];
    for (const transcript of generateDemoCorpus({ size: options.size, seed: options.seed })) {
      batch.push(transcript);
      if (batch.length >= BATCH) {
        done += await insertBatch(client, registry, batch);
        batch = [];
        options.onProgress?.(done);
      }
    }
    if (batch.length) done += await insertBatch(client, registry, batch);
    options.onProgress?.(done);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return done;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
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
    // Annotations (and their audit trail) of the demo transcripts go with them.
    await client.query("TRUNCATE transcripts, source_labels, pairs, queries, annotations, annotation_spans, annotation_audit");
    return;
  }
  await client.query("DELETE FROM annotation_audit a USING transcripts t, datasets d WHERE t.id = a.transcript_id AND d.id = t.dataset_id AND d.name = $1", [DEMO_DATASET]);
  await client.query("DELETE FROM transcripts USING datasets d WHERE d.id = transcripts.dataset_id AND d.name = $1", [DEMO_DATASET]);
  await client.query("DELETE FROM pairs p WHERE NOT EXISTS (SELECT 1 FROM transcripts t WHERE t.pair_id = p.id)");
}

async function upsertRegistry(client: pg.ClientBase): Promise<Registry> {
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
  for (const variation of DEMO_VARIATIONS) {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO prompt_variations (setting_id, slug, name, description, system_prompt, is_baseline, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (setting_id, slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [settingIds.get(variation.settingSlug), variation.slug, variation.name, variation.description ?? null, variation.systemPrompt ?? null, variation.isBaseline, variation.position],
    );
    variationIds.set(`${variation.settingSlug}/${variation.slug}`, rows[0].id);
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
  return { datasetId: rows[0].id, variationIds, settingIds, modelIds, queryIds: new Map() };
}

async function insertBatch(client: pg.ClientBase, registry: Registry, batch: DemoTranscript[]): Promise<number> {
  await resolveQueries(client, registry, batch);
  const slots = await resolvePairs(client, registry, batch);
  const rows = batch.map((transcript, index) => {
    const parsed = parseMessages(transcript.messages);
    const contentHash = transcriptContentHash({
      setting: transcript.settingSlug,
      variation: transcript.variationSlug,
      model: transcript.model,
      condition: transcript.condition,
      sampleIndex: transcript.sampleIndex,
      messages: transcript.messages,
    });
    return encodeCopyRow([
      ...slots[index],
      registry.datasetId,
      transcript.condition,
      asJson(transcript.messages),
      asJson(parsed.turns),
      parsed.scratchpads.join("\n\n"),
      parsed.finalOutput,
      asTextArray(parsed.formatIssues),
      contentHash,
    ]);
  });
  await copyEncodedRows(client, "transcripts", TRANSCRIPT_COLUMNS, rows);
  return batch.length;
}

/** Queries are deduplicated by text hash; the demo reuses a pool, so cache ids. */
async function resolveQueries(client: pg.ClientBase, registry: Registry, batch: DemoTranscript[]) {
  const missing = new Map<string, string>();
  for (const { queryText } of batch) {
    const hash = textHash(queryText);
    if (!registry.queryIds.has(hash)) missing.set(hash, queryText);
  }
  if (!missing.size) return;
  const { rows } = await client.query<{ id: number; text_hash: string }>(
    `INSERT INTO queries (text, text_hash) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (text_hash) DO UPDATE SET text = EXCLUDED.text RETURNING id, text_hash`,
    [[...missing.values()], [...missing.keys()]],
  );
  for (const row of rows) registry.queryIds.set(row.text_hash, row.id);
}

/**
 * One pair row per (variation, model, query, sample), shared by the training
 * and deployment transcripts. Set-based insert; an existing slot is reused.
 */
/** [pair_id, setting_id, variation_id, model_id, query_id] for each transcript of the batch. */
type Slot = [number, number, number, number, number];

async function resolvePairs(client: pg.ClientBase, registry: Registry, batch: DemoTranscript[]): Promise<Slot[]> {
  const keyOf = (t: DemoTranscript) => {
    const variationId = registry.variationIds.get(`${t.settingSlug}/${t.variationSlug}`);
    const modelId = registry.modelIds.get(t.model);
    if (variationId === undefined || modelId === undefined) throw new Error(`Unknown demo variation or model: ${t.settingSlug}/${t.variationSlug}, ${t.model}`);
    return [variationId, modelId, registry.queryIds.get(textHash(t.queryText))!, t.sampleIndex] as const;
  };
  const keys = new Map<string, readonly [number, number, number, number]>();
  const batchKeys = batch.map((transcript) => {
    const key = keyOf(transcript);
    const id = key.join(":");
    keys.set(id, key);
    return id;
  });
  const columns = [0, 1, 2, 3].map((i) => [...keys.values()].map((key) => key[i]));
  const { rows } = await client.query<{ id: number; variation_id: number; model_id: number; query_id: number; sample_index: number }>(
    `WITH wanted AS (
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[]) AS w(variation_id, model_id, query_id, sample_index)
     ), inserted AS (
       INSERT INTO pairs (variation_id, model_id, query_id, sample_index) SELECT * FROM wanted
       ON CONFLICT DO NOTHING RETURNING id, variation_id, model_id, query_id, sample_index
     )
     SELECT * FROM inserted
     UNION ALL
     SELECT p.id, p.variation_id, p.model_id, p.query_id, p.sample_index FROM pairs p JOIN wanted w USING (variation_id, model_id, query_id, sample_index)`,
    columns,
  );
  const idByKey = new Map(rows.map((row) => [[row.variation_id, row.model_id, row.query_id, row.sample_index].join(":"), row.id]));
  return batch.map((transcript, index) => {
    const [variationId, modelId, queryId] = keys.get(batchKeys[index])!;
    return [idByKey.get(batchKeys[index])!, registry.settingIds.get(transcript.settingSlug)!, variationId, modelId, queryId];
  });
}
