import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wilson } from "@/lib/analytics/stats/intervals";
import type { UserRole } from "@/lib/auth/roles";
import { Fixtures } from "@/lib/testing/fixtures";
import { parseListState } from "@/lib/transcripts/list-state";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The validation page's query (lib/access/judge-validation.ts) on a run over
 * seven transcripts, its numbers counted by hand below; every count's link
 * (the transcripts table's `judge=` filter) lists exactly the transcripts it
 * counts; and a signed-out client, an annotator and a blind annotator get
 * neither the figures nor the filtered table.
 *
 *   transcript  variation  condition   human (consensus)  judge verdict, score   cell
 *   t1          Default    training    full  (positive)   yes 0.9                TP
 *   t2          Default    training    no                 yes 0.7                FP
 *   t3          Default    training    partial (positive) no  0.4                FN (at 0.3: TP)
 *   t4          No RLHF    deployment  no                 no  0.1                TN
 *   t5          No RLHF    training    no                 no  0.2                TN
 *   t6          Default    training    —                  yes 0.8                no reference
 *   t7          Default    training    partial            — (unreadable)         no verdict
 */
const url = testDatabaseUrl();
process.env.DATABASE_URL = url;
const { runAs } = await import("./viewer");
const { runValidation } = await import("./judge-validation");
const { transcriptRows } = await import("./transcripts");
const { getCurrentSchema } = await import("@/lib/annotations/schema");

const fixtures = new Fixtures(url);
const people: Record<"lead" | "annotator" | "blind" | "second", string> = { lead: "", annotator: "", blind: "", second: "" };
const as = (who: keyof typeof people | null, role: UserRole = who === "lead" ? "lead" : "annotator") =>
  who === null
    ? <T>(work: () => Promise<T>) => runAs(null, work)
    : <T>(work: () => Promise<T>) => runAs({ id: people[who], role, name: who, email: `${who}@judges.test`, via: "session" }, work);
const t: number[] = [];
let runId: number;
const judgeName = `validation-${process.pid}-${Date.now()}`;
const consensus = { kind: "consensus" } as const;

beforeAll(async () => {
  await fixtures.connect();
  const schemaVersion = (await getCurrentSchema()).version;
  people.lead = await fixtures.user("lead", "Validation Lead");
  people.annotator = await fixtures.user("annotator", "Validation Annotator");
  people.blind = await fixtures.user("annotator", "Validation Blind");
  people.second = await fixtures.user("annotator", "Validation Second");
  for (let i = 1; i <= 7; i++) t.push(await fixtures.transcript(`Scratchpad of validation transcript ${i}.`));
  const q = (sql: string, values: unknown[]) => fixtures.client.query(sql, values);
  // t4 and t5 in a second variation of the fixture's setting; t4 in deployment.
  const noRlhf = (
    await q(
      `INSERT INTO prompt_variations (setting_id, slug, name) SELECT setting_id, 'no-rlhf', 'No RLHF' FROM transcripts WHERE id = $1 RETURNING id`,
      [t[0]],
    )
  ).rows[0].id;
  await q(`UPDATE transcripts SET variation_id = $1 WHERE id = ANY($2)`, [noRlhf, [t[3], t[4]]]);
  await q(`UPDATE transcripts SET condition = 'deployment' WHERE id = $1`, [t[3]]);
  const label = async (transcript: number, annotator: string, value: string) =>
    q(`INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at) VALUES ($1, $2, $3, $4, now())`, [
      transcript,
      annotator,
      schemaVersion,
      JSON.stringify({ af_verdict: value }),
    ]);
  // One annotator each: the consensus is that label ("single").
  for (const [i, value] of [
    [0, "full"],
    [1, "no"],
    [2, "partial"],
    [3, "no"],
    [4, "no"],
    [6, "partial"],
  ] as const) {
    await label(t[i], people.annotator, value);
  }
  const judge = (
    await q(`INSERT INTO judges (name, kind, label_key, created_by) VALUES ($1, 'imported', 'af_verdict', $2) RETURNING id`, [
      judgeName,
      people.lead,
    ])
  ).rows[0].id;
  runId = (await q(`INSERT INTO judge_runs (judge_id, status, total, done) VALUES ($1, 'succeeded', 7, 7) RETURNING id`, [judge])).rows[0]
    .id;
  const predictions: [number, boolean | null, number | null][] = [
    [t[0], true, 0.9],
    [t[1], true, 0.7],
    [t[2], false, 0.4],
    [t[3], false, 0.1],
    [t[4], false, 0.2],
    [t[5], true, 0.8],
    [t[6], null, null],
  ];
  for (const [transcript, verdict, score] of predictions) {
    await q(`INSERT INTO judge_predictions (run_id, transcript_id, verdict, score) VALUES ($1, $2, $3, $4)`, [
      runId,
      transcript,
      verdict,
      score,
    ]);
  }
  // A blind annotator: a member of an open blind queue.
  const queue = (
    await q(`INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('validation', true, 1, $1) RETURNING id`, [
      people.lead,
    ])
  ).rows[0].id;
  await q(`INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)`, [queue, people.blind]);
  await q(`INSERT INTO label_queue_items (queue_id, transcript_id) VALUES ($1, $2)`, [queue, t[5]]);
});

afterAll(async () => {
  await fixtures.client.query(`DELETE FROM judges WHERE name = $1`, [judgeName]);
  await fixtures.cleanup();
});

describe("the validation of a judge run against humans", () => {
  it("counts the run's verdicts against the consensus as by hand", async () => {
    const validation = await as("lead")(() => runValidation(runId, { reference: consensus, threshold: null }));
    expect(validation.run).toMatchObject({ id: runId, judgeName, labelKey: "af_verdict", judgeKind: "imported" });
    expect(validation.label.rule).toBe("positive: Partial or Full");
    expect(validation.predictions).toBe(7);
    expect(validation.overall).toMatchObject({ n: 5, withoutVerdict: 1 });
    expect(validation.overall.matrix).toEqual({ truePositive: 1, falsePositive: 1, falseNegative: 1, trueNegative: 2 });
    expect(validation.overall.figures.precision).toEqual(wilson(1, 2));
    expect(validation.overall.figures.accuracy).toEqual(wilson(3, 5));
    // Scored positives 0.9 and 0.4 against negatives 0.7, 0.1, 0.2: 3 + 2 of 6 pairs.
    expect(validation.overall.auroc!.estimate).toBeCloseTo(5 / 6, 12);
    expect(validation.groups.map((group) => [group.variation, group.condition, group.figures.n])).toEqual([
      ["Default", "training", 3],
      ["No RLHF", "deployment", 1],
      ["No RLHF", "training", 1],
    ]);
  });

  it("a threshold moves t3 from FN to TP; every other figure follows", async () => {
    const validation = await as("lead")(() => runValidation(runId, { reference: consensus, threshold: 0.3 }));
    expect(validation.threshold).toBe(0.3);
    expect(validation.overall.matrix).toEqual({ truePositive: 2, falsePositive: 1, falseNegative: 0, trueNegative: 2 });
    expect(validation.overall.figures.recall).toEqual(wilson(2, 2));
  });

  it("against one annotator instead of the consensus", async () => {
    // The second annotator disagrees on t1 (no) and t4 (full): against them t1 is FP and t4 FN.
    const q = (sql: string, values: unknown[]) => fixtures.client.query(sql, values);
    const version = (await getCurrentSchema()).version;
    for (const [i, value] of [
      [0, "no"],
      [3, "full"],
    ] as const) {
      await q(
        `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at) VALUES ($1, $2, $3, $4, now())`,
        [t[i], people.second, version, JSON.stringify({ af_verdict: value })],
      );
    }
    try {
      const reference = { kind: "annotator", annotatorId: people.second } as const;
      const validation = await as("lead")(() => runValidation(runId, { reference, threshold: null }));
      expect(validation.overall.matrix).toEqual({ truePositive: 0, falsePositive: 1, falseNegative: 1, trueNegative: 0 });
      expect(validation.annotators.map((annotator) => annotator.id)).toEqual(expect.arrayContaining([people.annotator, people.second]));
      const fn = await as("lead")(() => transcriptRows(parseListState({ judge: `${runId}:fn`, by: people.second })));
      expect(fn.rows.map((row) => row.id)).toEqual([t[3]]);
    } finally {
      // The consensus of t1 and t4 would be undecided with their labels: the other tests count without them.
      await q(`DELETE FROM annotations WHERE annotator_id = $1`, [people.second]);
    }
  });

  it("the judge's raw rate per variation over the whole run, corrected by Rogan–Gladen with the Se and Sp measured here", async () => {
    const validation = await as("lead")(() => runValidation(runId, { reference: consensus, threshold: null, corrected: true }));
    expect(validation.rates!.validationN).toBe(5);
    const rows = validation.rates!.rows.map((row) => [row.variation, row.condition, row.positive, row.n]);
    // Default/training: t1, t2, t6 positive, t3 negative, t7 unreadable (not counted).
    expect(rows).toEqual([
      ["Default", "training", 3, 4],
      ["No RLHF", "deployment", 0, 1],
      ["No RLHF", "training", 0, 1],
    ]);
    // Se = 1/2, Sp = 2/3 (by hand, above): (3/4 + 2/3 − 1) / (1/2 + 2/3 − 1) = 2.5, truncated to 1; (0 + 2/3 − 1) / (1/6) = −2 → 0.
    const [first, second] = validation.rates!.rows;
    expect(first.corrected!.unclipped).toBeCloseTo(2.5, 12);
    expect(first.corrected!.estimate).toBe(1);
    expect(second.corrected!.unclipped).toBeCloseTo(-2, 12);
    expect(first.raw).toEqual(wilson(3, 4));
    expect((await as("lead")(() => runValidation(runId, { reference: consensus, threshold: null }))).rates).toBeNull();
  });

  it("each count links to exactly the transcripts it counts (the table's judge= filter)", async () => {
    const ids = async (judge: string) =>
      (await as("lead")(() => transcriptRows(parseListState({ judge })))).rows.map((row) => row.id).sort((a, b) => a - b);
    expect(await ids(`${runId}:tp`)).toEqual([t[0]]);
    expect(await ids(`${runId}:fp`)).toEqual([t[1]]);
    expect(await ids(`${runId}:fn`)).toEqual([t[2]]);
    expect(await ids(`${runId}:tn`)).toEqual([t[3], t[4]]);
    expect(await ids(`${runId}:tp@0.3`)).toEqual([t[0], t[2]]);
    expect(await ids(`${runId}:positive`)).toEqual([t[0], t[1], t[5]]);
    expect(await ids(`${runId}:unreadable`)).toEqual([t[6]]);
    expect(await ids(`${runId}:disagree`)).toEqual([t[1], t[2]]);
    // At 0.30, t3 (0.4) is right; only t2 is wrong. t7 has no score and counts in no cell.
    expect(await ids(`${runId}:disagree@0.3`)).toEqual([t[1]]);
    expect(await ids(`${runId}:judged`)).toEqual([t[0], t[1], t[2], t[3], t[4], t[5]]);
    const page = await as("lead")(() => transcriptRows(parseListState({ judge: `${runId}:tn` })));
    expect(page.counts.total).toBe(2);
  });
});

describe("who may see a judge's validation", () => {
  for (const [who, expected] of [
    [null, /Sign in/],
    ["annotator", /lead role/],
    ["blind", /lead role/],
  ] as const) {
    it(`${who ?? "a signed-out client"} gets neither the figures nor the judge-filtered table`, async () => {
      await expect(as(who)(() => runValidation(runId, { reference: consensus, threshold: null }))).rejects.toThrow(expected);
      await expect(as(who)(() => transcriptRows(parseListState({ judge: `${runId}:positive` })))).rejects.toThrow(
        who === null ? /Sign in/ : /needs the lead role/,
      );
    });
  }

  it("a missing run is not found", async () => {
    await expect(as("lead")(() => runValidation(2_147_483_000, { reference: consensus, threshold: null }))).rejects.toThrow(/no judge run/);
  });
});
