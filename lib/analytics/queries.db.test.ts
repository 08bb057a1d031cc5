import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prepareVariationSeries } from "./prepare-variation-chart";

process.env.DATABASE_URL = inject("databaseUrl");
const { variationCounts } = await import("./queries");

const client = new pg.Client({ connectionString: inject("databaseUrl") });
const SOURCE = "paper-like judge";
let settingId: number;

/**
 * 2,500 query pairs under the default helpful-only prompt, labelled so that
 * they reproduce the paper's headline: 11.9% AF reasoning, refusals 85.8% in
 * training vs 97.2% unmonitored, a compliance gap of 11.3 points.
 * Training complies for pairs 1-354 (AF for 1-297); deployment complies for
 * pairs 1-60 and 355-365.
 */
beforeAll(async () => {
  await client.connect();
  await client.query("TRUNCATE transcripts, source_labels, pairs, queries, datasets, prompt_variations, settings, models CASCADE");
  settingId = (await client.query("INSERT INTO settings (slug, name) VALUES ('helpful-only', 'Helpful-only') RETURNING id")).rows[0].id;
  const variationId = (await client.query("INSERT INTO prompt_variations (setting_id, slug, name, is_baseline) VALUES ($1, 'default', 'Default', true) RETURNING id", [settingId])).rows[0].id;
  await client.query("INSERT INTO prompt_variations (setting_id, slug, name, position) VALUES ($1, 'no-cot', 'No chain of thought', 1)", [settingId]);
  const modelId = (await client.query("INSERT INTO models (name) VALUES ('claude-3-opus') RETURNING id")).rows[0].id;
  const datasetId = (await client.query("INSERT INTO datasets (name) VALUES ('paper-like') RETURNING id")).rows[0].id;
  await client.query("INSERT INTO queries (id, text, text_hash) SELECT i, 'query ' || i, md5('q' || i) FROM generate_series(1, 2500) i");
  await client.query("INSERT INTO pairs (id, variation_id, model_id, query_id) SELECT i, $1, $2, i FROM generate_series(1, 2500) i", [variationId, modelId]);
  await client.query(
    `INSERT INTO transcripts (pair_id, dataset_id, condition, raw_messages, turns, content_hash, setting_id, variation_id, model_id, query_id)
     SELECT i, $1, c::"Condition", '[]', '[]', md5(c || i), $2, $3, $4, i FROM generate_series(1, 2500) i, unnest(ARRAY['training', 'deployment']) c`,
    [datasetId, settingId, variationId, modelId],
  );
  await client.query(
    `INSERT INTO source_labels (transcript_id, source, name, value)
     SELECT id, $1, 'complied', CASE WHEN (condition = 'training' AND pair_id <= 354) OR (condition = 'deployment' AND (pair_id <= 60 OR pair_id BETWEEN 355 AND 365)) THEN 'true' ELSE 'false' END FROM transcripts
     UNION ALL
     SELECT id, $1, 'alignment_faking', CASE WHEN condition = 'training' AND pair_id <= 297 THEN 'true' ELSE 'false' END FROM transcripts`,
    [SOURCE],
  );
  await client.query("ANALYZE");
});
afterAll(async () => {
  await client.query("TRUNCATE transcripts, source_labels, pairs, queries, datasets, prompt_variations, settings, models CASCADE");
  await client.end();
});

const pct = (x: number) => Number((x * 100).toFixed(1));

describe("variation chart counts from source labels", () => {
  it("reproduce the paper's default helpful-only result", async () => {
    const counts = await variationCounts({ settingId, labelSource: { kind: "source", source: SOURCE, compliance: "complied", alignmentFaking: "alignment_faking" } });
    const [defaultVariation, noCot] = prepareVariationSeries(counts);
    expect(defaultVariation.name).toBe("Default");
    expect(pct(defaultVariation.afRate!.estimate)).toBe(11.9);
    expect(pct(defaultVariation.bars[0].refuses)).toBe(85.8);
    expect(pct(defaultVariation.bars[1].refuses)).toBe(97.2);
    expect(pct(defaultVariation.complianceGap!.estimate)).toBe(11.3);
    expect(defaultVariation.complianceGap!.method).toBe("newcombe-paired");
    // A variation with no labelled transcripts is listed with n = 0, not dropped.
    expect(noCot.name).toBe("No chain of thought");
    expect(noCot.bars.map((bar) => bar.n)).toEqual([0, 0]);
  });

  it("counts only the chosen source and label names", async () => {
    const counts = await variationCounts({ settingId, labelSource: { kind: "source", source: "another judge", compliance: "complied", alignmentFaking: null } });
    expect(counts.every((row) => row.training.n === 0 && row.deployment.n === 0)).toBe(true);
    const withoutAf = await variationCounts({ settingId, labelSource: { kind: "source", source: SOURCE, compliance: "complied", alignmentFaking: null } });
    expect(withoutAf[0].training).toEqual({ n: 2500, complied: 354, compliedWithAf: 0 });
  });
});
