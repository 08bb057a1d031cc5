import { randomUUID } from "node:crypto";
import type pg from "pg";
import { refreshLabelSignatures } from "@/lib/analytics/label-signatures";

/**
 * Test support: a setting whose outcomes the test decides ("planted"), stored
 * as the importer would store it (pairs, both transcripts, source labels, the
 * label signatures), without text. `remove()` deletes all of it.
 */
export const PLANTED_SOURCE = "planted judge";

export interface PlantedPair {
  training: boolean;
  deployment: boolean;
  /** AF reasoning on the training side (counted only when it complied). */
  af?: boolean;
}

export interface PlantedVariation {
  name: string;
  isBaseline?: boolean;
  /** Per query, its pairs (several: several samples of the query). */
  queries: PlantedPair[][];
}

export interface PlantedSetting {
  settingId: number;
  slug: string;
  variationIds: number[];
  remove(): Promise<void>;
}

export async function plantSetting(client: pg.ClientBase, variations: PlantedVariation[]): Promise<PlantedSetting> {
  const tag = randomUUID().slice(0, 8);
  const one = async (sql: string, params: unknown[]) => (await client.query(sql, params)).rows[0].id as number;
  const slug = `planted-${tag}`;
  const settingId = await one("INSERT INTO settings (slug, name) VALUES ($1, $1) RETURNING id", [slug]);
  const modelId = await one("INSERT INTO models (name) VALUES ($1) RETURNING id", [`planted-model-${tag}`]);
  const datasetId = await one("INSERT INTO datasets (name) VALUES ($1) RETURNING id", [`planted-${tag}`]);
  const variationIds: number[] = [];
  for (const [position, variation] of variations.entries()) {
    variationIds.push(
      await one("INSERT INTO prompt_variations (setting_id, slug, name, is_baseline, position) VALUES ($1, $2, $3, $4, $5) RETURNING id", [
        settingId,
        `v${position}`,
        variation.name,
        variation.isBaseline ?? false,
        position,
      ]),
    );
  }
  const queryCount = Math.max(...variations.map((v) => v.queries.length));
  const queryIds = (
    await client.query<{ id: number }>(
      "INSERT INTO queries (text, text_hash) SELECT $1 || i, md5($1 || i) FROM generate_series(1, $2) i ORDER BY i RETURNING id",
      [`planted ${tag} query `, queryCount],
    )
  ).rows.map((row) => row.id);

  // One row per pair: its variation, query, sample index and outcomes; then both transcripts and their labels.
  const rows = {
    variation: [] as number[],
    query: [] as number[],
    sample: [] as number[],
    t: [] as boolean[],
    d: [] as boolean[],
    af: [] as boolean[],
  };
  variations.forEach((variation, v) =>
    variation.queries.forEach((pairs, q) =>
      pairs.forEach((pair, sample) => {
        rows.variation.push(variationIds[v]);
        rows.query.push(queryIds[q]);
        rows.sample.push(sample);
        rows.t.push(pair.training);
        rows.d.push(pair.deployment);
        rows.af.push(Boolean(pair.af && pair.training));
      }),
    ),
  );
  // Step by step, with ANALYZE between: inserting pairs, transcripts and labels in one statement
  // left each foreign-key and trigger check planned on statistics of empty tables. On a database
  // other tests had just emptied, that statement ran for over half an hour on the CI machine.
  const input = `planted_input_${tag}`;
  await client.query(
    `CREATE TEMP TABLE ${input} AS
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::bool[], $5::bool[], $6::bool[]) AS i(variation_id, query_id, sample_index, t, d, af)`,
    [rows.variation, rows.query, rows.sample, rows.t, rows.d, rows.af],
  );
  await client.query(`ANALYZE ${input}`);
  await client.query(
    `INSERT INTO pairs (variation_id, model_id, query_id, sample_index) SELECT variation_id, $1, query_id, sample_index FROM ${input}`,
    [modelId],
  );
  await client.query("ANALYZE pairs");
  await client.query(
    `INSERT INTO transcripts (pair_id, dataset_id, condition, raw_messages, turns, content_hash, setting_id, variation_id, model_id, query_id)
     SELECT p.id, $2, c::"Condition", '[]', '[]', md5($4 || p.id || c), $3, p.variation_id, $1, p.query_id
     FROM pairs p, unnest(ARRAY['training', 'deployment']) c
     WHERE p.model_id = $1`,
    [modelId, datasetId, settingId, tag],
  );
  await client.query("ANALYZE transcripts");
  await client.query(
    `INSERT INTO source_labels (transcript_id, source, name, value)
     SELECT t.id, $2, l.name, (CASE WHEN l.name = 'complied' THEN CASE t.condition WHEN 'training' THEN i.t ELSE i.d END
                                    ELSE t.condition = 'training' AND i.af END)::text
     FROM transcripts t JOIN pairs p ON p.id = t.pair_id
     JOIN ${input} i ON (i.variation_id, i.query_id, i.sample_index) = (p.variation_id, p.query_id, p.sample_index),
     unnest(ARRAY['complied', 'alignment_faking']) l(name)
     WHERE t.dataset_id = $1`,
    [datasetId, PLANTED_SOURCE],
  );
  await client.query(`DROP TABLE ${input}`);
  await refreshLabelSignatures(client, variationIds);
  await client.query("ANALYZE");

  return {
    settingId,
    slug,
    variationIds,
    async remove() {
      await client.query("DELETE FROM source_labels USING transcripts t WHERE t.id = source_labels.transcript_id AND t.dataset_id = $1", [
        datasetId,
      ]);
      await client.query("DELETE FROM transcripts WHERE dataset_id = $1", [datasetId]);
      await client.query("DELETE FROM pairs WHERE model_id = $1", [modelId]);
      await client.query("DELETE FROM queries WHERE id = ANY($1)", [queryIds]);
      await client.query("DELETE FROM prompt_variations WHERE setting_id = $1", [settingId]);
      await client.query("DELETE FROM settings WHERE id = $1", [settingId]);
      await client.query("DELETE FROM models WHERE id = $1", [modelId]);
      await client.query("DELETE FROM datasets WHERE id = $1", [datasetId]);
    },
  };
}
