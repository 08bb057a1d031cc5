import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshLabelSignatures } from "./label-signatures";
import type { SourceLabelSource } from "./label-sources";
import { prepareVariationSeries } from "./prepare-variation-chart";
import { variationCountsLiveSql, variationCountsSql, type ChartFilter } from "./variation-counts-sql";
import { DEFAULT_LABELS } from "@/lib/annotations/default-schema";
import { Fixtures } from "@/lib/testing/fixtures";
import { leadScope } from "@/lib/transcripts/list-scope";
import { parseListState } from "@/lib/transcripts/list-state";
import { drillDownHref } from "./drill-down";
import { labelRateDrillDown } from "./label-rate-links";
import { labelRatesSql } from "./label-rates-sql";
import { SEGMENTS } from "./chart-rows";
import { testDatabaseUrl } from "@/lib/testing/database-url";

process.env.DATABASE_URL = testDatabaseUrl();
const { availableLabelSources, chartFilterOptions, variationCounts } = await import("./queries");
const { listTranscripts } = await import("@/lib/transcripts/list");

const client = new pg.Client({ connectionString: testDatabaseUrl() });
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
  const variationId = (
    await client.query(
      "INSERT INTO prompt_variations (setting_id, slug, name, is_baseline) VALUES ($1, 'default', 'Default', true) RETURNING id",
      [settingId],
    )
  ).rows[0].id;
  await client.query("INSERT INTO prompt_variations (setting_id, slug, name, position) VALUES ($1, 'no-cot', 'No chain of thought', 1)", [
    settingId,
  ]);
  const modelId = (await client.query("INSERT INTO models (name) VALUES ('claude-3-opus') RETURNING id")).rows[0].id;
  const datasetId = (await client.query("INSERT INTO datasets (name) VALUES ('paper-like') RETURNING id")).rows[0].id;
  await client.query("INSERT INTO queries (id, text, text_hash) SELECT i, 'query ' || i, md5('q' || i) FROM generate_series(1, 2500) i");
  await client.query("INSERT INTO pairs (id, variation_id, model_id, query_id) SELECT i, $1, $2, i FROM generate_series(1, 2500) i", [
    variationId,
    modelId,
  ]);
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
  await refreshLabelSignatures(client, [variationId]);
  await client.query("ANALYZE");
});
afterAll(async () => {
  await client.query("TRUNCATE transcripts, source_labels, pairs, queries, datasets, prompt_variations, settings, models CASCADE");
  await client.end();
});

const pct = (x: number) => Number((x * 100).toFixed(1));

describe("variation chart counts from source labels", () => {
  it("reproduce the paper's default helpful-only result", async () => {
    const counts = await variationCounts({
      settingId,
      labelSource: { kind: "source", source: SOURCE, compliance: "complied", alignmentFaking: "alignment_faking" },
    });
    const [defaultVariation, noCot] = prepareVariationSeries(counts);
    expect(defaultVariation.name).toBe("Default");
    expect(pct(defaultVariation.afRate!.estimate)).toBe(11.9);
    expect(pct(defaultVariation.bars[0].shares.refuses)).toBe(85.8);
    expect(pct(defaultVariation.bars[1].shares.refuses)).toBe(97.2);
    expect(pct(defaultVariation.complianceGap!.estimate)).toBe(11.3);
    expect(defaultVariation.complianceGap!.method).toBe("newcombe-paired");
    // A variation with no labelled transcripts is listed with n = 0, not dropped.
    expect(noCot.name).toBe("No chain of thought");
    expect(noCot.bars.map((bar) => bar.n)).toEqual([0, 0]);
  });

  it("counts only the chosen source and label names", async () => {
    const counts = await variationCounts({
      settingId,
      labelSource: { kind: "source", source: "another judge", compliance: "complied", alignmentFaking: null },
    });
    expect(counts.every((row) => row.training.n === 0 && row.deployment.n === 0)).toBe(true);
    const withoutAf = await variationCounts({
      settingId,
      labelSource: { kind: "source", source: SOURCE, compliance: "complied", alignmentFaking: null },
    });
    expect(withoutAf[0].training).toEqual({ n: 2500, complied: 354, compliedWithAf: 0, compliedAfLabelled: 0 });
    // No AF label chosen: nothing to count, so no AF rate ("–"), not 0%.
    expect(prepareVariationSeries(withoutAf, false)[0].afRate).toBeNull();
  });
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

describe("one annotator's labels as a label source", () => {
  /**
   * An annotator labels both sides of pairs 1-40 of the default variation:
   * training complies with AF (verdict full) for 1-10, without for 11-20 (verdict
   * no), refuses for 21-40; deployment complies for 1-5 (scale 3), refuses for
   * 6-40. A draft (pair 41) and an annotation without compliance (pair 42) do not count.
   */
  it("counts by the human rule, pairs the sides, and its drill-down lists exactly the counted transcripts", async () => {
    const fixtures = new Fixtures(testDatabaseUrl());
    await fixtures.connect();
    try {
      const annotator = await fixtures.user("annotator", "Ann Otator");
      const lead = await fixtures.user("lead", "Lee");
      await client.query(`INSERT INTO label_schema_versions (version, labels) VALUES (1, $1) ON CONFLICT DO NOTHING`, [
        JSON.stringify(DEFAULT_LABELS),
      ]);
      await client.query(
        `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at)
         SELECT t.id, $1, 1,
                CASE WHEN t.pair_id = 42 THEN '{"af_verdict": "no"}'::jsonb
                     WHEN t.condition = 'training' THEN jsonb_build_object('compliance', CASE WHEN t.pair_id <= 20 THEN 4 ELSE 1 END, 'af_verdict', CASE WHEN t.pair_id <= 10 THEN 'full' ELSE 'no' END)
                     ELSE jsonb_build_object('compliance', CASE WHEN t.pair_id <= 5 THEN 3 ELSE 1 END) END,
                CASE WHEN t.pair_id = 41 THEN NULL ELSE now() END
         FROM transcripts t WHERE t.pair_id <= 42`,
        [annotator],
      );
      const filter: ChartFilter = { settingId, labelSource: { kind: "annotator", annotatorId: annotator, name: "Ann Otator" } };
      const [defaultVariation] = await variationCounts(filter);
      expect(defaultVariation.training).toEqual({ n: 40, complied: 20, compliedWithAf: 10, compliedAfLabelled: 20 });
      expect(defaultVariation.deployment).toEqual({ n: 40, complied: 5, compliedWithAf: 0, compliedAfLabelled: 5 });
      expect(defaultVariation.pairs).toEqual({ yesYes: 5, yesNo: 15, noYes: 0, noNo: 20 });
      // The source menu counts the same: 80 submitted with a compliance value (not the draft, not pair 42).
      expect((await chartFilterOptions()).annotators).toContainEqual({ id: annotator, name: "Ann Otator", count: 80 });

      const expected = {
        training: { refuses: 20, compliesWithAf: 10, compliesWithoutAf: 10, compliesAfUnlabelled: 0 },
        deployment: { refuses: 35, compliesWithAf: 0, compliesWithoutAf: 5, compliesAfUnlabelled: 0 },
      };
      for (const condition of ["training", "deployment"] as const) {
        for (const { key } of SEGMENTS) {
          const href = drillDownHref(filter, { variationId: defaultVariation.variationId, condition }, key);
          if (key === "compliesAfUnlabelled") {
            expect(href).toBeNull(); // human outcomes always say whether there was AF reasoning: nothing to list
            continue;
          }
          if (!href) throw new Error(`no drill-down for ${key}`);
          const state = parseListState(new URL(href, "http://x").searchParams);
          expect((await listTranscripts(state, leadScope(lead))).counts.total, `${condition} ${key}`).toBe(expected[condition][key]);
        }
      }
      // The "any label" chart: the verdict "full" per condition, and its drill-down.
      const rateFilter = { settingId, by: annotator, condition: { key: "af_verdict", value: "full" } };
      const [rates] = (await client.query(labelRatesSql(rateFilter).text, labelRatesSql(rateFilter).values)).rows;
      // Pair 42's annotation has a verdict (no) but no compliance: it counts here, not in the stacked chart.
      expect(rates).toMatchObject({ n_training: 41, k_training: 10, n_deployment: 1, k_deployment: 0 });
      const rateList = parseListState(
        new URL(labelRateDrillDown(rateFilter, defaultVariation.variationId, "training"), "http://x").searchParams,
      );
      expect((await listTranscripts(rateList, leadScope(lead))).counts.total).toBe(10);

      // The consensus: with one annotator it is their labels ("single"); a second one who
      // disagrees on pair 1's training side leaves it undecided, out of the counts.
      const consensus: ChartFilter = { settingId, labelSource: { kind: "consensus" } };
      expect((await variationCounts(consensus))[0]).toMatchObject({ training: defaultVariation.training, pairs: defaultVariation.pairs });
      const second = await fixtures.user("annotator", "Sec Ond");
      await client.query(
        `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at)
         SELECT id, $1, 1, '{"compliance": 1, "af_verdict": "no"}', now() FROM transcripts WHERE pair_id = 1 AND condition = 'training'`,
        [second],
      );
      const [afterDisagreement] = await variationCounts(consensus);
      expect(afterDisagreement.training).toEqual({ n: 39, complied: 19, compliedWithAf: 9, compliedAfLabelled: 19 });
      const consensusHref = drillDownHref(
        consensus,
        { variationId: defaultVariation.variationId, condition: "training" },
        "compliesWithAf",
      );
      const consensusList = parseListState(new URL(consensusHref!, "http://x").searchParams);
      expect((await listTranscripts(consensusList, leadScope(lead))).counts.total).toBe(9);
      const consensusRates = { settingId, by: "@consensus", condition: { key: "af_verdict", value: "full" } };
      const [consensusRate] = (await client.query(labelRatesSql(consensusRates).text, labelRatesSql(consensusRates).values)).rows;
      // Pair 1's verdict is undecided (full vs no): 40 decided verdicts in training (41 - 1), 9 of them full.
      expect(consensusRate).toMatchObject({ n_training: 40, k_training: 9 });
      const consensusRateList = parseListState(
        new URL(labelRateDrillDown(consensusRates, defaultVariation.variationId, "training"), "http://x").searchParams,
      );
      expect((await listTranscripts(consensusRateList, leadScope(lead))).counts.total).toBe(9);

      // An annotator may not list another's labels this way.
      const href = drillDownHref(filter, { variationId: defaultVariation.variationId, condition: "training" }, "refuses");
      const other = parseListState(new URL(href!, "http://x").searchParams);
      await expect(listTranscripts(other, { viewerId: "someone-else", seesOthersLabels: false, hideBlindHeld: false })).rejects.toThrow(
        /lead/,
      );
    } finally {
      await fixtures.cleanup();
    }
  });
});

describe("the label sources menu", () => {
  it("lists every source with each of its label names once, as a GROUP BY over every label would", async () => {
    // Names and sources sharing prefixes, in mixed case and with spaces: the skip scan's
    // row comparison must step past each (source, name) exactly as the index orders them.
    const extra = [
      ["judge B", "complied"],
      ["judge B", "Complied"],
      ["judge B", "complied extra"],
      ["judge", "af"],
      ["judge B2", "af"],
      ["Judge a", "z"],
    ];
    const { rows: transcripts } = await client.query<{ id: number }>("SELECT id FROM transcripts ORDER BY id LIMIT 3");
    for (const [source, name] of extra) {
      for (const { id } of transcripts) {
        await client.query("INSERT INTO source_labels (transcript_id, source, name, value) VALUES ($1, $2, $3, 'true')", [
          id,
          source,
          name,
        ]);
      }
    }
    try {
      const { rows: grouped } = await client.query(
        "SELECT source, array_agg(DISTINCT name ORDER BY name) AS names FROM source_labels GROUP BY source ORDER BY source",
      );
      const listed = await availableLabelSources();
      expect(listed).toEqual(grouped);
      expect(listed.find((row) => row.source === "judge B")?.names).toHaveLength(3);
      expect(listed.map((row) => row.source)).toContain(SOURCE);
    } finally {
      await client.query("DELETE FROM source_labels WHERE source <> $1", [SOURCE]);
    }
  });
});
