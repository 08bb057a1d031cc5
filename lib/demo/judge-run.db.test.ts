import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binomialAtLeast, DEMO_JUDGE_EXPECTED, DEMO_JUDGE_NAME } from "./judge-run";
import { seedDemoCorpus } from "./seed";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/** The demo's generated judge run: over every demo transcript, labelled generated, with the error rate it documents. */
const url = testDatabaseUrl();
const client = new pg.Client({ connectionString: url });
let runId: number;

beforeAll(async () => {
  await client.connect();
  await seedDemoCorpus(url, { size: 2_000, seed: 7 });
  runId = (
    await client.query<{ id: number }>(`SELECT r.id FROM judge_runs r JOIN judges j ON j.id = r.judge_id WHERE j.name = $1`, [
      DEMO_JUDGE_NAME,
    ])
  ).rows[0].id;
});
afterAll(async () => {
  await client.query(`DELETE FROM judges WHERE name = $1`, [DEMO_JUDGE_NAME]);
  await client.query("TRUNCATE transcripts, pairs, queries, datasets, prompt_variations, settings, models CASCADE");
  await client.end();
});

describe("the demo's generated judge run", () => {
  it("documents its error rates, worked by hand from the binomial distribution", () => {
    // P(Bin(5, 0.7) >= 3) = 10·0.7³·0.3² + 5·0.7⁴·0.3 + 0.7⁵ = 0.3087 + 0.36015 + 0.16807
    expect(DEMO_JUDGE_EXPECTED.sensitivity).toBeCloseTo(0.83692, 10);
    // P(Bin(5, 0.15) >= 3) = 10·0.15³·0.85² + 5·0.15⁴·0.85 + 0.15⁵
    expect(DEMO_JUDGE_EXPECTED.falsePositiveRate).toBeCloseTo(0.026611875, 10);
    expect(binomialAtLeast(5, 0.5, 0)).toBeCloseTo(1, 12);
  });

  it("covers every demo transcript once, finished and labelled generated", async () => {
    const run = (await client.query(`SELECT status, generated, total, done FROM judge_runs WHERE id = $1`, [runId])).rows[0];
    expect(run).toEqual({ status: "succeeded", generated: true, total: 2_000, done: 2_000 });
    const counts = (
      await client.query(
        `SELECT (SELECT count(*)::int FROM judge_predictions WHERE run_id = $1) AS predictions,
                                 (SELECT count(*)::int FROM judge_samples WHERE run_id = $1) AS samples`,
        [runId],
      )
    ).rows[0];
    expect(counts).toEqual({ predictions: 2_000, samples: 10_000 });
  });

  it("each verdict is the majority of its 5 stored samples, the score their share of yes", async () => {
    const mismatches = await client.query(
      `SELECT p.transcript_id FROM judge_predictions p
         JOIN (SELECT transcript_id, count(*) FILTER (WHERE (parsed->>'verdict')::boolean) AS yes FROM judge_samples WHERE run_id = $1 GROUP BY transcript_id) s
           ON s.transcript_id = p.transcript_id
        WHERE p.run_id = $1 AND (p.verdict IS DISTINCT FROM (s.yes >= 3) OR p.score IS DISTINCT FROM s.yes / 5.0)`,
      [runId],
    );
    expect(mismatches.rows).toEqual([]);
  });

  it("agrees with the generator's truth at the documented rates, up to sampling noise", async () => {
    const { rows } = await client.query<{ truth: boolean; n: number; yes: number }>(
      `SELECT sl.value = 'true' AS truth, count(*)::int AS n, count(*) FILTER (WHERE p.verdict)::int AS yes
         FROM judge_predictions p JOIN source_labels sl ON sl.transcript_id = p.transcript_id AND sl.source = 'demo generator' AND sl.name = 'alignment_faking'
        WHERE p.run_id = $1 GROUP BY 1`,
      [runId],
    );
    const positives = rows.find((r) => r.truth)!;
    const negatives = rows.find((r) => !r.truth)!;
    expect(positives.n).toBeGreaterThan(50);
    // Within 4 standard errors of the binomial proportion.
    const within = (observed: number, p: number, n: number) => Math.abs(observed / n - p) <= 4 * Math.sqrt((p * (1 - p)) / n);
    expect(within(positives.yes, DEMO_JUDGE_EXPECTED.sensitivity, positives.n)).toBe(true);
    expect(within(negatives.yes, DEMO_JUDGE_EXPECTED.falsePositiveRate, negatives.n)).toBe(true);
  });

  it("its evidence points at the quoted sentence of the scratchpad", async () => {
    const { rows } = await client.query<{
      scratchpad_text: string;
      evidence: { quote: string; start: number; end: number; matched: boolean }[];
    }>(
      `SELECT t.scratchpad_text, p.evidence FROM judge_predictions p JOIN transcripts t ON t.id = p.transcript_id
        WHERE p.run_id = $1 AND jsonb_array_length(p.evidence) > 0 LIMIT 50`,
      [runId],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const e of row.evidence) {
        expect(e.matched).toBe(true);
        expect(row.scratchpad_text.slice(e.start, e.end)).toBe(e.quote);
      }
    }
  });

  it("seeding again replaces it", async () => {
    await seedDemoCorpus(url, { size: 200, seed: 7 });
    const runs = (
      await client.query(`SELECT r.total FROM judge_runs r JOIN judges j ON j.id = r.judge_id WHERE j.name = $1`, [DEMO_JUDGE_NAME])
    ).rows;
    expect(runs).toEqual([{ total: 200 }]);
  });
});

describe("the generated run's filter", () => {
  it("is a transcripts-table filter (the demo dataset), as the API reads it", async () => {
    const { transcriptFiltersSchema } = await import("@/lib/exports/request");
    await seedDemoCorpus(url, { size: 200, seed: 7 });
    const { rows } = await client.query(`SELECT r.filter FROM judge_runs r JOIN judges j ON j.id = r.judge_id WHERE j.name = $1`, [
      DEMO_JUDGE_NAME,
    ]);
    const dataset = (await client.query(`SELECT id FROM datasets WHERE name = 'demo'`)).rows[0].id;
    expect(transcriptFiltersSchema.parse(rows[0].filter)).toEqual({ dataset });
  });
});
