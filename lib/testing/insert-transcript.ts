import type pg from "pg";
import { textHash, transcriptContentHash } from "@/lib/transcripts/content-hash";
import { parseMessages } from "@/lib/transcripts/parse";
import type { RawMessage } from "@/lib/transcripts/types";

/**
 * Inserts one transcript with plain SQL, creating its dataset, setting,
 * variation, model, query and pair as needed: test and e2e fixtures only
 * (the importer is lib/imports). Returns the transcript's and its pair's ids.
 */
export interface FixtureTranscript {
  dataset: string;
  setting: string;
  variation: string;
  model: string;
  condition: "training" | "deployment";
  userInput: string;
  messages: RawMessage[];
  sampleIndex?: number;
  labels?: { source: string; name: string; value: string }[];
}

export async function insertFixtureTranscript(client: pg.ClientBase, fixture: FixtureTranscript): Promise<{ id: number; pairId: number }> {
  const one = async (sql: string, values: unknown[]) => (await client.query<{ id: number }>(sql, values)).rows[0].id;
  const datasetId = await one(
    `INSERT INTO datasets (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [fixture.dataset],
  );
  const settingId = await one(
    `INSERT INTO settings (slug, name) VALUES ($1, $1) ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`,
    [fixture.setting],
  );
  const variationId = await one(
    `INSERT INTO prompt_variations (setting_id, slug, name) VALUES ($1, $2, $2) ON CONFLICT (setting_id, slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`,
    [settingId, fixture.variation],
  );
  const modelId = await one(`INSERT INTO models (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [
    fixture.model,
  ]);
  const queryId = await one(
    `INSERT INTO queries (text, text_hash) VALUES ($1, $2) ON CONFLICT (text_hash) DO UPDATE SET text = EXCLUDED.text RETURNING id`,
    [fixture.userInput, textHash(fixture.userInput)],
  );
  const pairId = await one(
    `INSERT INTO pairs (variation_id, model_id, query_id, sample_index) VALUES ($1, $2, $3, $4)
     ON CONFLICT (variation_id, model_id, query_id, sample_index) DO UPDATE SET sample_index = EXCLUDED.sample_index RETURNING id`,
    [variationId, modelId, queryId, fixture.sampleIndex ?? 0],
  );
  const parsed = parseMessages(fixture.messages);
  const contentHash = transcriptContentHash({
    setting: fixture.setting,
    variation: fixture.variation,
    model: fixture.model,
    condition: fixture.condition,
    sampleIndex: fixture.sampleIndex ?? 0,
    messages: fixture.messages,
  });
  const id = await one(
    `INSERT INTO transcripts (pair_id, dataset_id, setting_id, variation_id, model_id, query_id, condition, raw_messages, turns, scratchpad_text, final_output, format_issues, content_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      pairId,
      datasetId,
      settingId,
      variationId,
      modelId,
      queryId,
      fixture.condition,
      JSON.stringify(fixture.messages),
      JSON.stringify(parsed.turns),
      parsed.scratchpads.join("\n\n"),
      parsed.finalOutput,
      parsed.formatIssues,
      contentHash,
    ],
  );
  for (const label of fixture.labels ?? []) {
    await client.query(`INSERT INTO source_labels (transcript_id, source, name, value) VALUES ($1, $2, $3, $4)`, [
      id,
      label.source,
      label.name,
      label.value,
    ]);
  }
  return { id, pairId };
}
