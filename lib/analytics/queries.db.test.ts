import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshLabelSignatures } from "./label-signatures";
import { prepareVariationSeries } from "./prepare-variation-chart";
import type { ChartFilter } from "./variation-counts-sql";
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
