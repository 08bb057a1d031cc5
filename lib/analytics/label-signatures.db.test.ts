import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshLabelSignatures } from "./label-signatures";
import type { SourceLabelSource } from "./label-sources";
import { variationCountsLiveSql, variationCountsSql, type ChartFilter } from "./variation-counts-sql";
import { testDatabaseUrl } from "@/lib/testing/database-url";

process.env.DATABASE_URL = testDatabaseUrl();
const { chartFilterOptions } = await import("./queries");

/**
 * The variation chart's precomputed counts (label_signatures, and the unfiltered counts stored
 * from them, label_rate_counts) against the live count from source_labels; the paper-like
 * counts and the human sources are in queries.db.test.ts.
 */
const client = new pg.Client({ connectionString: testDatabaseUrl() });
const TABLES = "transcripts, source_labels, pairs, queries, datasets, prompt_variations, settings, models";

beforeAll(async () => {
  await client.connect();
  await client.query(`TRUNCATE ${TABLES} CASCADE`);
  // The queries the pairs below cycle through (up to 2,500).
  await client.query("INSERT INTO queries (id, text, text_hash) SELECT i, 'query ' || i, md5('q' || i) FROM generate_series(1, 2500) i");
});
afterAll(async () => {
  await client.query(`TRUNCATE ${TABLES} CASCADE`);
  await client.end();
});

describe("the precomputed label signatures", () => {
  /**
   * A messy second setting: 3 variations, 2 models, 2 datasets; some pairs
   * lack a side or a label, some have their sides in different datasets, and
   * besides two yes/no labels there is a non-boolean one.
   */
  async function buildMessySetting() {
    await client.query("SELECT setval(pg_get_serial_sequence('pairs', 'id'), (SELECT max(id) FROM pairs))"); // the paper-like pairs took explicit ids
    const setting = (await client.query("INSERT INTO settings (slug, name) VALUES ('messy', 'Messy') RETURNING id")).rows[0].id as number;
    const variations = (
      await client.query(
        "INSERT INTO prompt_variations (setting_id, slug, name, position) SELECT $1, 'm' || i, 'M' || i, i FROM generate_series(0, 2) i RETURNING id",
        [setting],
      )
    ).rows.map((row) => row.id as number);
    const models = (await client.query("INSERT INTO models (name) VALUES ('model-a'), ('model-b') RETURNING id")).rows.map(
      (row) => row.id as number,
    );
    const datasets = (await client.query("INSERT INTO datasets (name) VALUES ('messy-1'), ('messy-2') RETURNING id")).rows.map(
      (row) => row.id as number,
    );
    return { setting, variations, models, datasets };
  }

  /** `count` pairs of `variation`, transcripts and labels drawn from a seeded hash. */
  /** `queries`: how many distinct queries the pairs cycle through (fewer than `count`: several samples per query). */
  async function addPairs(variation: number, models: number[], datasets: number[], count: number, salt: string, queries = 2500) {
    await client.query(
      `WITH new_pairs AS (
         INSERT INTO pairs (variation_id, model_id, query_id, sample_index)
         SELECT $1, ($2::int[])[1 + abs(hashtext($4 || i)) % 2], 1 + i % $6::int, (SELECT coalesce(max(sample_index), 0) FROM pairs) + i FROM generate_series(1, $3) i
         RETURNING id, variation_id, model_id, query_id)
       INSERT INTO transcripts (pair_id, dataset_id, condition, raw_messages, turns, content_hash, setting_id, variation_id, model_id, query_id)
       SELECT p.id, ($5::int[])[1 + abs(hashtext($4 || p.id || c)) % 10 / 8], c::"Condition", '[]', '[]', md5($4 || c || p.id),
              v.setting_id, p.variation_id, p.model_id, p.query_id
       FROM new_pairs p JOIN prompt_variations v ON v.id = p.variation_id, unnest(ARRAY['training', 'deployment']) c
       WHERE abs(hashtext($4 || 'side' || p.id || c)) % 10 > 0`,
      [variation, models, count, salt, datasets, queries],
    );
    await client.query(
      `INSERT INTO source_labels (transcript_id, source, name, value)
       SELECT t.id, 'messy judge', l.name,
              CASE l.name WHEN 'score' THEN (abs(hashtext($2 || t.id)) % 4)::text ELSE (abs(hashtext($2 || t.id || l.name)) % 3 = 0)::text END
       FROM transcripts t, unnest(ARRAY['complied', 'alignment_faking', 'score']) l(name)
       WHERE t.variation_id = $1 AND NOT EXISTS (SELECT 1 FROM source_labels s WHERE s.transcript_id = t.id)
         AND abs(hashtext($2 || 'has' || t.id || l.name)) % 8 > 0`,
      [variation, salt],
    );
  }

  const run = (sql: { text: string; values: unknown[] }) => client.query(sql.text, sql.values);

  async function expectEqualToLive(filter: ChartFilter & { labelSource: SourceLabelSource }) {
    const [fast, live] = await Promise.all([variationCountsSql(filter), variationCountsLiveSql(filter)].map(run));
    expect(fast.rows, JSON.stringify(filter)).toEqual(live.rows);
    return fast.rows;
  }

  const label = (compliance: string, alignmentFaking: string | null) => ({
    kind: "source" as const,
    source: "messy judge",
    compliance,
    alignmentFaking,
  });

  /** Unfiltered (the counts stored at import) and under every model and dataset filter (label_signatures). */
  async function expectAllFiltersEqual(setting: number, models: number[], datasets: number[]) {
    for (const modelId of [undefined, ...models]) {
      for (const datasetId of [undefined, ...datasets]) {
        await expectEqualToLive({ settingId: setting, modelId, datasetId, labelSource: label("complied", "alignment_faking") });
      }
    }
    // Other label choices: AF absent, names swapped, a non-boolean label as "compliance".
    for (const labelSource of [label("complied", null), label("alignment_faking", "complied"), label("score", "complied")]) {
      await expectEqualToLive({ settingId: setting, labelSource });
      await expectEqualToLive({ settingId: setting, modelId: models[0], datasetId: datasets[1], labelSource });
    }
  }

  /** The chart's coverage (pairs each source labels per setting) is what label_signatures sums to. */
  async function expectCoverageOfSignatures() {
    const { rows } = await client.query(
      `SELECT s.source, v.setting_id AS "settingId", sum(s.pairs)::int AS n
       FROM label_signatures s JOIN prompt_variations v ON v.id = s.variation_id
       GROUP BY s.source, v.setting_id ORDER BY s.source, v.setting_id`,
    );
    expect((await chartFilterOptions()).coverage).toEqual(rows);
  }

  it("give the same counts as the labels themselves, under every filter, and stay right when a variation grows", async () => {
    const { setting, variations, models, datasets } = await buildMessySetting();
    // The first variation: one pair per query; the second: 8 or so per query; the third: about 2.
    for (const [i, variation] of variations.entries())
      await addPairs(variation, models, datasets, 300, `v${variation}`, [2500, 37, 150][i]);
    await refreshLabelSignatures(client, variations);
    await client.query("ANALYZE");
    await expectAllFiltersEqual(setting, models, datasets);
    const before = await expectEqualToLive({
      settingId: setting,
      labelSource: { kind: "source", source: "messy judge", compliance: "complied", alignmentFaking: "alignment_faking" },
    });
    expect(before.every((row) => row.n_training > 100 && row.yes_no + row.no_yes + row.yes_yes + row.no_no > 50)).toBe(true);
    // Queries as clusters: one pair per query in the first variation, about 8 in the second.
    expect(before[0].compliance_training_queries).toBe(before[0].n_training);
    expect(before[1].compliance_training_queries).toBeLessThanOrEqual(37);
    expect(before[1].compliance_training_yy).toBeGreaterThan(before[1].complied_training);
    const { rows: kept } = await client.query(
      "SELECT variation_id, count(query_id)::int AS with_query FROM label_signatures WHERE variation_id = ANY($1) GROUP BY variation_id ORDER BY variation_id",
      [variations],
    );
    expect(kept.map((row) => row.with_query > 0)).toEqual([false, true, true]);

    // More pairs in one variation: stale until its signatures are rebuilt, right again after.
    await addPairs(variations[0], models, datasets, 100, "more"); // now some of its queries have two pairs
    const stale = (
      await run(
        variationCountsSql({
          settingId: setting,
          labelSource: { kind: "source", source: "messy judge", compliance: "complied", alignmentFaking: null },
        }),
      )
    ).rows;
    expect(stale[0].n_training).toBe(before[0].n_training);
    await refreshLabelSignatures(client, [variations[0]]);
    await expectAllFiltersEqual(setting, models, datasets);
    await expectCoverageOfSignatures();

    // A variation labelled only "complied" and a name no other variation has: a choice whose AF
    // label a variation lacks counts it as having none there, one whose compliance label a
    // variation lacks counts nothing there.
    const sparse = (
      await client.query("INSERT INTO prompt_variations (setting_id, slug, name, position) VALUES ($1, 'm3', 'M3', 3) RETURNING id", [
        setting,
      ])
    ).rows[0].id as number;
    await addPairs(sparse, models, datasets, 200, "sparse", 40);
    await client.query(
      "DELETE FROM source_labels sl USING transcripts t WHERE t.id = sl.transcript_id AND t.variation_id = $1 AND sl.name <> 'complied'",
      [sparse],
    );
    await client.query(
      "INSERT INTO source_labels (transcript_id, source, name, value) SELECT id, 'messy judge', 'only here', (id % 3 = 0)::text FROM transcripts WHERE variation_id = $1",
      [sparse],
    );
    await refreshLabelSignatures(client, [sparse]);
    for (const labelSource of [
      label("complied", "alignment_faking"),
      label("only here", "complied"),
      label("alignment_faking", "only here"),
    ]) {
      const rows = await expectEqualToLive({ settingId: setting, labelSource });
      expect(rows.some((row) => row.n_training > 0)).toBe(true);
    }
    await expectCoverageOfSignatures();

    // A database migrated with labels already imported gets the same rows from the migration's
    // backfill (a frozen copy of the refresh: if this fails, the refresh changed, and stored rows
    // need a migration that rebuilds them).
    const stored = "SELECT * FROM label_rate_counts ORDER BY variation_id, source, compliance, alignment_faking";
    const { rows: refreshed } = await client.query(stored);
    expect(refreshed.length).toBeGreaterThan(0);
    const migration = readFileSync(
      path.resolve(import.meta.dirname, "../../prisma/migrations/20261206100000_label_rate_counts/migration.sql"),
      "utf8",
    );
    await client.query("TRUNCATE label_rate_counts");
    await client.query(migration.slice(migration.indexOf("-- The counts of what is already imported")));
    expect((await client.query(stored)).rows).toEqual(refreshed);
  });
});
