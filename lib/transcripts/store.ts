import type pg from "pg";
import { asJson, asTextArray, copyEncodedRows, encodeCopyRow, encodeCopyValue } from "@/lib/db/copy";
import type { Condition } from "@/lib/generated/prisma/enums";
import { textHash, transcriptContentHash } from "./content-hash";
import { SlotOccupancy } from "./sample-slots";
import { searchDocument } from "./search-vectors";
import { parseStoredMessages } from "./stored-messages";
import type { ParsedTranscript, RawMessage } from "./types";

/**
 * The one way transcripts are written (the demo seeder and the importer both
 * use it): queries deduplicated by text hash, pairs resolved set-based, the
 * sample of a slot chosen so that training and deployment samples pair up,
 * duplicates (same content hash) skipped, rows COPYed with their filter
 * columns. Runs on the caller's connection, inside the caller's transaction.
 */

export interface SourceLabelInput {
  source: string;
  name: string;
  value: string;
}

export interface TranscriptInput {
  /** The caller's handle for this transcript in rejections (the importer: its line). */
  ref: number;
  settingId: number;
  variationId: number;
  modelId: number;
  /** Slugs and model name: part of the content identity. */
  settingSlug: string;
  variationSlug: string;
  modelName: string;
  condition: Condition;
  queryText: string;
  /** null: the lowest sample of the slot with no transcript of this condition (lib/transcripts/sample-slots.ts). */
  sampleIndex: number | null;
  messages: RawMessage[];
  /** Given when the caller already parsed the messages. */
  parsed?: ParsedTranscript;
  sourceLabels?: SourceLabelInput[];
  /** The record's id in its source and the line it was read from (duplicate ids are reported: lib/imports/duplicate-ids.ts). */
  sourceId?: string | null;
  sourceLine?: number | null;
  /** The system prompt the record gave, kept with the transcript (table system_prompts). */
  systemPrompt?: string;
}

/** A transcript reduced to what the write needs: big fields already COPY-encoded. */
export interface PreparedTranscript {
  ref: number;
  settingId: number;
  variationId: number;
  modelId: number;
  condition: Condition;
  queryText: string;
  queryHash: string;
  sampleIndex: number | null;
  contentHash: string;
  sourceId: string | null;
  sourceLine: number | null;
  systemPrompt: { text: string; hash: string } | null;
  /**
   * raw_messages, turns, scratchpad_text, final_output, format_issues, encoded for COPY, as UTF-8
   * bytes: a Buffer lives outside the JS heap, so holding a batch of them costs the garbage collector
   * nothing (as strings they were copied at every collection until the batch was written).
   */
  encodedContent: Buffer;
  /** What search_vector indexes; dropped ("") once the vector is known. */
  searchDocument: string;
  /** tsvector text from lib/transcripts/search-vectors.ts; null leaves it to the database's trigger. */
  searchVector: string | null;
  sourceLabels: SourceLabelInput[];
}

export interface StoreTarget {
  datasetId: number;
  importId: number | null;
}

export interface Rejection {
  ref: number;
  field: string;
  message: string;
}

export interface BatchOutcome {
  inserted: number;
  duplicates: number;
  labels: number;
  rejected: Rejection[];
}

/**
 * Query ids by text hash; bounded, so a file of only distinct queries cannot grow it without limit.
 * Trimmed between batches only: within a batch every id it resolved must stay.
 */
export class QueryIdCache {
  private readonly ids = new Map<string, number>();
  constructor(private readonly limit = 50_000) {}
  get(hash: string) {
    return this.ids.get(hash);
  }
  set(hash: string, id: number) {
    this.ids.set(hash, id);
  }
  trim() {
    if (this.ids.size > this.limit) this.ids.clear();
  }
}

const TRANSCRIPT_COLUMNS = [
  "pair_id",
  "setting_id",
  "variation_id",
  "model_id",
  "query_id",
  "dataset_id",
  "import_id",
  "condition",
  "content_hash",
  "search_vector",
  "source_id",
  "source_line",
  "system_prompt_id",
  "raw_messages",
  "turns",
  "scratchpad_text",
  "final_output",
  "format_issues",
];

/** CPU-only work (parse, hash, encode): can run while the previous batch is being written. */
export function prepareTranscript(input: TranscriptInput): PreparedTranscript {
  const parsed = input.parsed ?? parseStoredMessages(input.messages);
  const contentHash = transcriptContentHash({
    setting: input.settingSlug,
    variation: input.variationSlug,
    model: input.modelName,
    condition: input.condition,
    // A transcript whose sample was chosen for it is identified without that choice, so the same
    // content imported again is recognised whichever sample it ended up in.
    sampleIndex: input.sampleIndex ?? 0,
    messages: input.messages,
  });
  const scratchpadText = parsed.scratchpads.join("\n\n");
  const encodedContent = Buffer.from(
    [asJson(input.messages), asJson(parsed.turns), scratchpadText, parsed.finalOutput, asTextArray(parsed.formatIssues)]
      .map(encodeCopyValue)
      .join("\t") + "\n",
    "utf8",
  );
  return {
    ref: input.ref,
    settingId: input.settingId,
    variationId: input.variationId,
    modelId: input.modelId,
    condition: input.condition,
    queryText: input.queryText,
    queryHash: textHash(input.queryText),
    sampleIndex: input.sampleIndex,
    contentHash,
    sourceId: input.sourceId ?? null,
    sourceLine: input.sourceLine ?? null,
    systemPrompt: input.systemPrompt ? { text: input.systemPrompt, hash: textHash(input.systemPrompt) } : null,
    encodedContent,
    searchDocument: searchDocument(scratchpadText, parsed.finalOutput),
    searchVector: null,
    sourceLabels: input.sourceLabels ?? [],
  };
}

export async function storeTranscripts(
  client: pg.ClientBase,
  target: StoreTarget,
  batch: PreparedTranscript[],
  queries: QueryIdCache,
  prompts: QueryIdCache = new QueryIdCache(),
): Promise<BatchOutcome> {
  const { fresh, duplicates } = await splitDuplicates(client, batch);
  queries.trim();
  prompts.trim();
  await resolveQueries(client, fresh, queries);
  const slotOf = (t: PreparedTranscript) => `${t.variationId}:${t.modelId}:${queries.get(t.queryHash)}`;
  const occupancy = await loadOccupancy(client, fresh, queries);
  const rejected: Rejection[] = [];
  const placed: { transcript: PreparedTranscript; sampleIndex: number }[] = [];
  for (const transcript of fresh) {
    const assignment = occupancy.assign({ slot: slotOf(transcript), condition: transcript.condition, sampleIndex: transcript.sampleIndex });
    if ("conflict" in assignment) {
      rejected.push({
        ref: transcript.ref,
        field: "sample_index",
        message: `sample ${assignment.conflict} of this query, variation and model already has a different ${transcript.condition} transcript; give another sample_index, or none to add a new sample`,
      });
    } else placed.push({ transcript, sampleIndex: assignment.sampleIndex });
  }
  await resolveSystemPrompts(
    client,
    placed.map((p) => p.transcript),
    prompts,
  );
  const pairIds = await resolvePairs(
    client,
    placed.map(({ transcript, sampleIndex }) => `${slotOf(transcript)}:${sampleIndex}`),
  );

  // Each row is its small head (ids, condition, hash, search vector) followed by its pre-encoded content.
  const rows = placed.flatMap(({ transcript: t, sampleIndex }) => [
    encodeCopyRow([
      pairIds.get(`${slotOf(t)}:${sampleIndex}`)!,
      t.settingId,
      t.variationId,
      t.modelId,
      queries.get(t.queryHash)!,
      target.datasetId,
      target.importId,
      t.condition,
      t.contentHash,
      t.searchVector,
      t.sourceId,
      t.sourceLine,
      t.systemPrompt ? prompts.get(t.systemPrompt.hash)! : null,
    ]).slice(0, -1) + "\t",
    t.encodedContent,
  ]);
  if (rows.length) await copyEncodedRows(client, "transcripts", TRANSCRIPT_COLUMNS, rows);
  // Labels go to new and duplicate transcripts alike: re-importing a file with a new judge's labels adds just those.
  const labelled = [...placed.map((p) => p.transcript), ...duplicates];
  const labels = await insertSourceLabels(client, labelled);
  return { inserted: placed.length, duplicates: duplicates.length, labels, rejected };
}

/** Duplicates: content already stored (by an earlier import or batch), or repeated within this batch. */
async function splitDuplicates(client: pg.ClientBase, batch: PreparedTranscript[]) {
  const hashes = [...new Set(batch.map((t) => t.contentHash))];
  const { rows } = await client.query<{ content_hash: string }>(
    `SELECT content_hash FROM transcripts WHERE content_hash = ANY($1::text[])`,
    [hashes],
  );
  const seen = new Set(rows.map((row) => row.content_hash));
  const fresh: PreparedTranscript[] = [];
  const duplicates: PreparedTranscript[] = [];
  for (const transcript of batch) {
    if (seen.has(transcript.contentHash)) duplicates.push(transcript);
    else {
      seen.add(transcript.contentHash);
      fresh.push(transcript);
    }
  }
  return { fresh, duplicates };
}

async function resolveQueries(client: pg.ClientBase, batch: PreparedTranscript[], queries: QueryIdCache) {
  const missing = new Map<string, string>();
  for (const { queryHash, queryText } of batch) if (queries.get(queryHash) === undefined) missing.set(queryHash, queryText);
  if (!missing.size) return;
  // DO UPDATE (a no-op) rather than DO NOTHING, so RETURNING also yields the rows that already existed.
  const { rows } = await client.query<{ id: number; text_hash: string }>(
    `INSERT INTO queries (text, text_hash) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (text_hash) DO UPDATE SET text_hash = EXCLUDED.text_hash RETURNING id, text_hash`,
    [[...missing.values()], [...missing.keys()]],
  );
  for (const row of rows) queries.set(row.text_hash, row.id);
}

/** System prompt ids by hash: few per import, so nearly always from the cache. */
async function resolveSystemPrompts(client: pg.ClientBase, batch: PreparedTranscript[], prompts: QueryIdCache) {
  const missing = new Map<string, string>();
  for (const { systemPrompt } of batch)
    if (systemPrompt && prompts.get(systemPrompt.hash) === undefined) missing.set(systemPrompt.hash, systemPrompt.text);
  if (!missing.size) return;
  const { rows } = await client.query<{ id: number; text_hash: string }>(
    `INSERT INTO system_prompts (text, text_hash) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (text_hash) DO UPDATE SET text_hash = EXCLUDED.text_hash RETURNING id, text_hash`,
    [[...missing.values()], [...missing.keys()]],
  );
  for (const row of rows) prompts.set(row.text_hash, row.id);
}

/** The samples and conditions already stored for the slots of this batch (earlier batches of the same transaction included). */
async function loadOccupancy(client: pg.ClientBase, batch: PreparedTranscript[], queries: QueryIdCache): Promise<SlotOccupancy> {
  const occupancy = new SlotOccupancy();
  const slots = new Map<string, [number, number, number]>();
  for (const t of batch) {
    const queryId = queries.get(t.queryHash)!;
    slots.set(`${t.variationId}:${t.modelId}:${queryId}`, [t.variationId, t.modelId, queryId]);
  }
  if (!slots.size) return occupancy;
  const columns = [0, 1, 2].map((i) => [...slots.values()].map((slot) => slot[i]));
  const { rows } = await client.query<{
    variation_id: number;
    model_id: number;
    query_id: number;
    sample_index: number;
    condition: Condition;
  }>(
    // LATERAL keeps this an index lookup per slot, whatever the planner guesses about the unnest.
    `SELECT p.variation_id, p.model_id, p.query_id, p.sample_index, t.condition
       FROM unnest($1::int[], $2::int[], $3::int[]) AS w(variation_id, model_id, query_id)
       CROSS JOIN LATERAL (
         SELECT id, variation_id, model_id, query_id, sample_index FROM pairs
          WHERE variation_id = w.variation_id AND model_id = w.model_id AND query_id = w.query_id) p
       JOIN transcripts t ON t.pair_id = p.id`,
    columns,
  );
  for (const row of rows) occupancy.occupy(`${row.variation_id}:${row.model_id}:${row.query_id}`, row.sample_index, row.condition);
  return occupancy;
}

/** Pair ids by "variationId:modelId:queryId:sampleIndex"; set-based, existing pairs reused. */
async function resolvePairs(client: pg.ClientBase, keys: string[]): Promise<Map<string, number>> {
  const unique = [...new Set(keys)].map((key) => key.split(":").map(Number));
  if (!unique.length) return new Map();
  const columns = [0, 1, 2, 3].map((i) => unique.map((key) => key[i]));
  const { rows } = await client.query<{ id: number; variation_id: number; model_id: number; query_id: number; sample_index: number }>(
    `WITH wanted AS (
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[]) AS w(variation_id, model_id, query_id, sample_index)
     ), inserted AS (
       INSERT INTO pairs (variation_id, model_id, query_id, sample_index) SELECT * FROM wanted
       ON CONFLICT DO NOTHING RETURNING id, variation_id, model_id, query_id, sample_index
     )
     SELECT * FROM inserted
     UNION ALL
     SELECT p.id, p.variation_id, p.model_id, p.query_id, p.sample_index
       FROM wanted w CROSS JOIN LATERAL (
         SELECT * FROM pairs WHERE variation_id = w.variation_id AND model_id = w.model_id AND query_id = w.query_id AND sample_index = w.sample_index) p`,
    columns,
  );
  return new Map(rows.map((row) => [`${row.variation_id}:${row.model_id}:${row.query_id}:${row.sample_index}`, row.id]));
}

async function insertSourceLabels(client: pg.ClientBase, transcripts: PreparedTranscript[]): Promise<number> {
  const columns: string[][] = [[], [], [], []];
  for (const t of transcripts) {
    for (const label of t.sourceLabels) {
      columns[0].push(t.contentHash);
      columns[1].push(label.source);
      columns[2].push(label.name);
      columns[3].push(label.value);
    }
  }
  if (!columns[0].length) return 0;
  const { rowCount } = await client.query(
    `INSERT INTO source_labels (transcript_id, source, name, value)
     SELECT t.id, l.source, l.name, l.value
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS l(content_hash, source, name, value)
       JOIN transcripts t ON t.content_hash = l.content_hash
     ON CONFLICT (transcript_id, source, name) DO NOTHING`,
    columns,
  );
  return rowCount ?? 0;
}
