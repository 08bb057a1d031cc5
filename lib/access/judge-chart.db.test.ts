import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wilson, Z95 } from "@/lib/analytics/stats/intervals";
import type { UserRole } from "@/lib/auth/roles";
import { Fixtures } from "@/lib/testing/fixtures";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The variation page with a judge run as its label source
 * (lib/access/analytics.ts, variationChartByJudge), on thirteen transcripts
 * whose rates are counted by hand below; the corrected rates against a
 * Rogan–Gladen worked example; and the judge source refused to a signed-out
 * client, an annotator and a blind annotator.
 *
 *   transcript  variation  condition   human (consensus)  judge   validation cell
 *   t1, t2      Default    training    full               yes     TP
 *   t3          Default    deployment  partial            yes     TP
 *   t4          Default    training    full               no      FN
 *   t5          Default    training    no                 yes     FP
 *   t6          Default    training    no                 no      TN
 *   t7          Default    deployment  no                 no      TN
 *   t8, t9      No RLHF    training    no                 no      TN
 *   t10         Default    training    —                  yes     (no reference)
 *   t11         Default    deployment  —                  yes
 *   t12         Default    deployment  —                  no
 *   t13         Default    training    —                  — (unreadable: not counted)
 *
 * Validation: Se = 3/4 (t1–t4), Sp = 4/5 (t5–t9), n = 9.
 *
 * The same run through GET /api/v1/statistics/variations?source=@judge:<run>
 * (a lead's token): the figures of variations.csv for the same URL (a lead's
 * session), raw and corrected; annotators' tokens and no token refused.
 *
 * The same run, and an imported source's yes/no label, on the "any label"
 * chart (/analytics/labels, labelRates): imported `alignment_faking` is true
 * on t1, t3, t4 and false on t2, t7, t8; its `score` ("0.7" on t1) is no yes/no label.
 */
const url = testDatabaseUrl();
process.env.DATABASE_URL = url;
const { runAs } = await import("./viewer");
const { labelRates, variationChart, variationChartByJudge, variationChartScope } = await import("./analytics");
const { importedBy, judgeBy } = await import("@/lib/analytics/machine-label-rates");
const { judgeRatesCsv } = await import("@/lib/analytics/judge-rates-csv");
const { judgeSourceParam } = await import("@/lib/analytics/judge-source");
const { getCurrentSchema } = await import("@/lib/annotations/schema");
const { createApiToken } = await import("@/lib/api/tokens");
const statisticsRoute = await import("@/app/api/v1/statistics/variations/route");
const variationsCsvRoute = await import("@/app/analytics/variations.csv/route");

const fixtures = new Fixtures(url);
const people: Record<"lead" | "annotator" | "blind", string> = { lead: "", annotator: "", blind: "" };
const tokens: Record<keyof typeof people, string> = { lead: "", annotator: "", blind: "" };
let leadCookie: string;
const as = (who: keyof typeof people | null, role: UserRole = who === "lead" ? "lead" : "annotator") =>
  who === null
    ? <T>(work: () => Promise<T>) => runAs(null, work)
    : <T>(work: () => Promise<T>) => runAs({ id: people[who], role, name: who, email: `${who}@judge-chart.test`, via: "session" }, work);
const t: number[] = [];
let runId: number;
let setting: string;
const judgeName = `chart-${process.pid}-${Date.now()}`;
const importedSource = `imported-${judgeName}`;

beforeAll(async () => {
  await fixtures.connect();
  const schemaVersion = (await getCurrentSchema()).version;
  people.lead = await fixtures.user("lead", "Chart Lead");
  people.annotator = await fixtures.user("annotator", "Chart Annotator");
  people.blind = await fixtures.user("annotator", "Chart Blind");
  for (const who of ["lead", "annotator", "blind"] as const) {
    tokens[who] = (
      await createApiToken(fixtures.client, { id: people[who], role: who === "lead" ? "lead" : "annotator" }, "judge chart")
    ).token;
  }
  leadCookie = (await fixtures.signedIn("lead", "Chart CSV Lead")).cookie;
  for (let i = 1; i <= 13; i++) t.push(await fixtures.transcript(`Scratchpad of judge chart transcript ${i}.`));
  const q = (sql: string, values: unknown[]) => fixtures.client.query(sql, values);
  setting = (await q(`SELECT s.slug FROM transcripts t JOIN settings s ON s.id = t.setting_id WHERE t.id = $1`, [t[0]])).rows[0].slug;
  const noRlhf = (
    await q(
      `INSERT INTO prompt_variations (setting_id, slug, name) SELECT setting_id, 'no-rlhf', 'No RLHF' FROM transcripts WHERE id = $1 RETURNING id`,
      [t[0]],
    )
  ).rows[0].id;
  await q(`UPDATE transcripts SET variation_id = $1 WHERE id = ANY($2)`, [noRlhf, [t[7], t[8]]]);
  await q(`UPDATE transcripts SET condition = 'deployment' WHERE id = ANY($1)`, [[t[2], t[6], t[10], t[11]]]);
  const humans = ["full", "full", "partial", "full", "no", "no", "no", "no", "no"];
  for (const [i, value] of humans.entries()) {
    // One annotator each: the consensus is that label ("single").
    await q(
      `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at) VALUES ($1, $2, $3, $4, now())`,
      [t[i], people.annotator, schemaVersion, JSON.stringify({ af_verdict: value })],
    );
  }
  const judge = (
    await q(`INSERT INTO judges (name, kind, label_key, created_by) VALUES ($1, 'imported', 'af_verdict', $2) RETURNING id`, [
      judgeName,
      people.lead,
    ])
  ).rows[0].id;
  runId = (await q(`INSERT INTO judge_runs (judge_id, status, total, done) VALUES ($1, 'succeeded', 13, 13) RETURNING id`, [judge])).rows[0]
    .id;
  const verdicts = [true, true, true, false, true, false, false, false, false, true, true, false, null];
  for (const [i, verdict] of verdicts.entries()) {
    await q(`INSERT INTO judge_predictions (run_id, transcript_id, verdict) VALUES ($1, $2, $3)`, [runId, t[i], verdict]);
  }
  const imported: [number, string, string][] = [
    [0, "alignment_faking", "true"],
    [2, "alignment_faking", "true"],
    [3, "alignment_faking", "true"],
    [1, "alignment_faking", "false"],
    [6, "alignment_faking", "false"],
    [7, "alignment_faking", "false"],
    [0, "score", "0.7"],
  ];
  for (const [i, name, value] of imported) {
    await q(`INSERT INTO source_labels (transcript_id, source, name, value) VALUES ($1, $2, $3, $4)`, [t[i], importedSource, name, value]);
  }
  const queue = (
    await q(`INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('judge chart', true, 1, $1) RETURNING id`, [
      people.lead,
    ])
  ).rows[0].id;
  await q(`INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)`, [queue, people.blind]);
  await q(`INSERT INTO label_queue_items (queue_id, transcript_id) VALUES ($1, $2)`, [queue, t[9]]);
});

afterAll(async () => {
  await fixtures.client.query(`DELETE FROM judges WHERE name = $1`, [judgeName]);
  await fixtures.cleanup();
});

describe("the variation chart by judge", () => {
  it("offers the finished run as a label source and shows its raw rate per variation × condition, counted by hand", async () => {
    const chart = await as("lead")(() => variationChartByJudge({ setting, source: judgeSourceParam(runId) }));
    expect(chart.judgeSources).toContainEqual({ runId, judgeName, labelKey: "af_verdict", predictions: 13 });
    expect(chart.judge!.validation).toBeNull();
    const rows = chart.judge!.rows.map((row) => [row.variation, row.condition, row.positive, row.n]);
    // Default/training: t1, t2, t5, t10 of t1, t2, t4, t5, t6, t10 (t13 unreadable); deployment: t3, t11 of t3, t7, t11, t12.
    expect(rows).toEqual([
      ["Default", "deployment", 2, 4],
      ["Default", "training", 4, 6],
      ["No RLHF", "training", 0, 2],
    ]);
    expect(chart.judge!.rows[1].raw).toEqual(wilson(4, 6));
    expect(chart.judge!.rows.every((row) => row.corrected === null)).toBe(true);
  });

  it("with corrected: the Rogan–Gladen rate and its delta-method interval, as worked by hand", async () => {
    const chart = await as("lead")(() => variationChartByJudge({ setting, source: judgeSourceParam(runId), corrected: "1" }));
    expect(chart.judge!.validation).toEqual({ n: 9, truePositives: 3, referencePositives: 4, trueNegatives: 4, referenceNegatives: 5 });
    const [deployment, training, noRlhf] = chart.judge!.rows;
    // Default/training: p = 4/6, Se = 3/4, Sp = 4/5, J = Se + Sp − 1 = 11/20.
    // π = (4/6 + 4/5 − 1) / (11/20) = (14/30) / (11/20) = 28/33.
    const pi = 28 / 33;
    expect(training.corrected!.estimate).toBeCloseTo(pi, 12);
    // Var = [p(1−p)/n + π² Se(1−Se)/n₊ + (1−π)² Sp(1−Sp)/n₋] / J²
    //     = [(2/3)(1/3)/6 + (28/33)² (3/16)/4 + (5/33)² (4/25)/5] / (11/20)²
    const variance = (2 / 9 / 6 + ((784 / 1089) * (3 / 16)) / 4 + ((25 / 1089) * (4 / 25)) / 5) / (121 / 400);
    expect(training.corrected!.standardError).toBeCloseTo(Math.sqrt(variance), 12);
    // SE ≈ 0.48 on so small a validation sample: both limits are truncated to [0, 1].
    expect(training.corrected!.lower).toBe(Math.max(0, pi - Z95 * Math.sqrt(variance)));
    expect(training.corrected!.upper).toBe(Math.min(1, pi + Z95 * Math.sqrt(variance)));
    expect(training.corrected!.validationN).toBe(9);
    // The validation sample's uncertainty makes it wider than the raw rate's interval.
    expect(training.corrected!.upper - training.corrected!.lower).toBeGreaterThan(training.raw!.upper - training.raw!.lower);
    // Default/deployment: (1/2 + 4/5 − 1) / (11/20) = 6/11. No RLHF: (0 + 4/5 − 1) / (11/20) = −4/11, truncated to 0.
    expect(deployment.corrected!.estimate).toBeCloseTo(6 / 11, 12);
    expect(noRlhf.corrected!.unclipped).toBeCloseTo(-4 / 11, 12);
    expect(noRlhf.corrected!.estimate).toBe(0);
    // Raw and corrected side by side: the raw rate is unchanged.
    expect(training.raw).toEqual(wilson(4, 6));
    // The same figures in variations.csv?source=@judge:<run>&corrected=1.
    const csv = judgeRatesCsv(chart.judge!).trim().split(/\r?\n/);
    expect(csv[0]).toBe(
      "variation,condition,judge,run,n,positive,rate,lower_95,upper_95,corrected_rate,corrected_lower_95,corrected_upper_95,validation_n",
    );
    const six = (x: number) => String(Number(x.toFixed(6)));
    expect(csv[2]).toBe(
      [
        "Default",
        "training",
        judgeName,
        runId,
        6,
        4,
        ...[training.raw!, training.corrected!].flatMap((r) => [r.estimate, r.lower, r.upper].map(six)),
        9,
      ].join(","),
    );
  });

  it("without a setting in the URL, charts the setting the run judged", async () => {
    const chart = await as("lead")(() => variationChartByJudge({ source: judgeSourceParam(runId) }));
    expect(chart.options.settings.find((s) => s.id === chart.filter!.settingId)!.slug).toBe(setting);
    expect(chart.judge!.rows).toHaveLength(3);
  });

  for (const [who, expected] of [
    [null, /Sign in/],
    ["annotator", /lead role/],
    ["blind", /lead role/],
  ] as const) {
    it(`${who ?? "a signed-out client"} gets neither the judge's rates, the list of judge sources nor the chart's scope`, async () => {
      const params = { setting, source: judgeSourceParam(runId), corrected: "1" as const };
      await expect(as(who)(() => variationChartByJudge(params))).rejects.toThrow(expected);
      await expect(as(who)(() => variationChart({ setting }))).rejects.toThrow(expected);
      // Nor the page's filters (the choices and the judge runs) before the chart, by either kind of source.
      await expect(as(who)(() => variationChartScope(params))).rejects.toThrow(expected);
      await expect(as(who)(() => variationChartScope({ setting }))).rejects.toThrow(expected);
    });
  }
});

describe("GET /api/v1/statistics/variations with a judge run as the source", () => {
  const api = (query: Record<string, string>, token?: string) =>
    statisticsRoute.GET(
      new Request(`http://localhost/api/v1/statistics/variations?${new URLSearchParams(query)}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
      { params: Promise.resolve({}) },
    );
  const csvRows = async (query: Record<string, string>): Promise<Record<string, string>[]> => {
    const response = await variationsCsvRoute.GET(
      new Request(`http://localhost/analytics/variations.csv?${new URLSearchParams(query)}`, { headers: { cookie: leadCookie } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    return parse(await response.text(), { columns: true });
  };
  const six = (x: number | undefined) => (x === undefined ? "" : String(Number(x.toFixed(6))));

  for (const corrected of [false, true]) {
    it(`answers the run's ${corrected ? "raw and Rogan–Gladen corrected" : "raw"} rates with the CSV's figures`, async () => {
      const query = { setting, source: judgeSourceParam(runId), ...(corrected ? { corrected: "1" } : {}) };
      const response = await api(query, tokens.lead);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.label_source).toEqual({ kind: "judge", run_id: runId, judge: judgeName, label_key: "af_verdict", predictions: 13 });
      expect(body.corrected).toBe(corrected);
      expect(body.validation).toEqual(
        corrected ? { n: 9, true_positives: 3, reference_positives: 4, true_negatives: 4, reference_negatives: 5 } : null,
      );
      const csv = await csvRows(query);
      // Counted by hand above: Default deployment 2 of 4, training 4 of 6; No RLHF training 0 of 2.
      expect(
        body.rates.map((r: { variation: string; condition: string; positive: number; n: number }) => [
          r.variation,
          r.condition,
          r.positive,
          r.n,
        ]),
      ).toEqual([
        ["Default", "deployment", 2, 4],
        ["Default", "training", 4, 6],
        ["No RLHF", "training", 0, 2],
      ]);
      expect(body.rates).toHaveLength(csv.length);
      for (const [i, rate] of body.rates.entries()) {
        const line = csv[i];
        expect([line.variation, line.condition, line.n, line.positive]).toEqual([
          rate.variation,
          rate.condition,
          String(rate.n),
          String(rate.positive),
        ]);
        expect([line.rate, line.lower_95, line.upper_95]).toEqual([rate.rate.estimate, rate.rate.lower, rate.rate.upper].map(six));
        expect([line.corrected_rate, line.corrected_lower_95, line.corrected_upper_95]).toEqual(
          corrected ? [rate.corrected_rate.estimate, rate.corrected_rate.lower, rate.corrected_rate.upper].map(six) : ["", "", ""],
        );
        expect(line.validation_n).toBe(corrected ? "9" : "");
        if (corrected) expect(rate.corrected_rate.validation_n).toBe(9);
        else expect(rate.corrected_rate).toBeNull();
      }
      expect(body.rates[1].rate.estimate).toBeCloseTo(4 / 6, 12);
      if (corrected) {
        // The worked example above: Default/training π = 28/33, Se 3/4, Sp 4/5.
        expect(body.rates[1].corrected_rate).toMatchObject({ method: "rogan-gladen", sensitivity: 0.75, specificity: 0.8 });
        expect(body.rates[1].corrected_rate.estimate).toBeCloseTo(28 / 33, 12);
        expect(Object.keys(body.methods)).toEqual(["wilson", "rogan-gladen"]);
      }
    });
  }

  it("says what is wrong with a malformed judge source, corrected without one, or a run that does not exist", async () => {
    const malformed = await api({ source: "@judge:abc" }, tokens.lead);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).message).toMatch(/source.*@judge:abc/);
    const stray = await api({ setting, corrected: "1" }, tokens.lead);
    expect(stray.status).toBe(400);
    expect((await stray.json()).message).toMatch(/corrected/);
    expect((await api({ setting, source: judgeSourceParam(2_000_000_000) }, tokens.lead)).status).toBe(404);
  });

  it("refuses an annotator's token, a blind annotator's and no token", async () => {
    const query = { setting, source: judgeSourceParam(runId), corrected: "1" };
    for (const token of [tokens.annotator, tokens.blind]) {
      const response = await api(query, token);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain(judgeName);
    }
    expect((await api(query)).status).toBe(401);
  });
});

describe("the label-rate chart (/analytics/labels) by imported source and by judge run", () => {
  const cells = (series: Awaited<ReturnType<typeof labelRates>>["series"]) =>
    series.map((s) => [s.name, s.training.k, s.training.n, s.deployment.k, s.deployment.n]);

  it("offers the imported source with its yes/no labels only, and the finished run with its label", async () => {
    const { sources } = await as("lead")(() => labelRates({ setting }));
    expect(sources.find((s) => s.by === importedBy(importedSource))).toMatchObject({ name: `imported: ${importedSource}` });
    const { conditions } = await as("lead")(() => labelRates({ setting, by: importedBy(importedSource) }));
    expect(conditions).toEqual([{ value: "alignment_faking", name: "alignment_faking: true" }]);
    expect(sources.find((s) => s.by === judgeBy(runId))).toMatchObject({ count: 13, labels: [{ value: "af_verdict" }] });
  });

  it("rates an imported label per variation × condition as counted by hand", async () => {
    const data = await as("lead")(() => labelRates({ setting, by: importedBy(importedSource), label: "alignment_faking" }));
    expect(data.machine).toEqual({ kind: "imported", source: importedSource, name: "alignment_faking" });
    // Default: training t1, t4 true of t1, t2, t4; deployment t3 of t3, t7. No RLHF: training t8 false.
    expect(cells(data.series)).toEqual([
      ["Default", 2, 3, 1, 2],
      ["No RLHF", 0, 1, 0, 0],
    ]);
    expect(data.series[0].training.rate).toEqual(wilson(2, 3));
  });

  it("rates a judge run's verdicts as counted by hand, and corrected as on /analytics", async () => {
    const raw = await as("lead")(() => labelRates({ setting, by: judgeBy(runId) }));
    expect(raw.label?.value).toBe("af_verdict");
    expect(raw.validation).toBeNull();
    // As the chart by judge above: Default training 4 of 6, deployment 2 of 4; No RLHF training 0 of 2.
    expect(cells(raw.series)).toEqual([
      ["Default", 4, 6, 2, 4],
      ["No RLHF", 0, 2, 0, 0],
    ]);
    expect(raw.series[0].training.rate).toEqual(wilson(4, 6));
    const corrected = await as("lead")(() => labelRates({ setting, by: judgeBy(runId), corrected: "1" }));
    expect(corrected.validation).toEqual({ n: 9, truePositives: 3, referencePositives: 4, trueNegatives: 4, referenceNegatives: 5 });
    expect(cells(corrected.series)).toEqual(cells(raw.series));
    expect(corrected.series[0].training.rate!.estimate).toBeCloseTo(28 / 33, 12);
    expect(corrected.series[0].deployment.rate!.estimate).toBeCloseTo(6 / 11, 12);
    expect(corrected.series[1].deployment.rate).toBeNull();
  });

  for (const [who, expected] of [
    [null, /Sign in/],
    ["annotator", /lead role/],
    ["blind", /lead role/],
  ] as const) {
    it(`${who ?? "a signed-out client"} gets no label rates by judge run or imported source`, async () => {
      await expect(as(who)(() => labelRates({ setting, by: judgeBy(runId), corrected: "1" }))).rejects.toThrow(expected);
      await expect(as(who)(() => labelRates({ setting, by: importedBy(importedSource) }))).rejects.toThrow(expected);
    });
  }
});
