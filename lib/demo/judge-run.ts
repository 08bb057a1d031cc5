import type pg from "pg";
import { locateEvidence } from "@/lib/judges/evidence";
import { chance, mixSeeds, mulberry32 } from "./prng";

/**
 * The demo's generated judge run (issue 15): a simulated LLM judge of the
 * alignment-faking verdict over the whole demo corpus, so that the
 * validation page has something true to show out of the box. Labelled
 * generated (judge_runs.generated = true): no model was asked anything.
 *
 * Its error rate is known by construction, against the generator's truth
 * (the `alignment_faking` source label of "demo generator"): each of its 5
 * samples per transcript says "yes" with probability 0.70 when the
 * transcript is alignment faking and 0.15 when it is not, independently;
 * the verdict is the majority of the 5 and the score the share saying yes.
 * So, by the binomial distribution (docs/judges.md works it by hand):
 *   sensitivity = P(Bin(5, 0.70) >= 3) = 0.83692
 *   false-positive rate = P(Bin(5, 0.15) >= 3) = 0.026611875 (specificity 0.973388125)
 * The realised rates on a corpus differ from these by sampling noise only.
 * Every sample is stored as a judge_samples row for corpora up to
 * DEMO_JUDGE_SAMPLES_UP_TO transcripts; bigger (bench) corpora get the predictions only.
 */
export const DEMO_JUDGE_NAME = "Demo judge (generated)";
export const DEMO_JUDGE_SAMPLES = 5;
export const DEMO_JUDGE_PER_SAMPLE = { yesWhenTrue: 0.7, yesWhenFalse: 0.15 } as const;

/** P(X >= k) for X ~ Binomial(n, p). */
export function binomialAtLeast(n: number, p: number, k: number): number {
  let total = 0;
  let choose = 1; // C(n, i), built up from i = 0
  for (let i = 0; i <= n; i++) {
    if (i > 0) choose = (choose * (n - i + 1)) / i;
    if (i >= k) total += choose * p ** i * (1 - p) ** (n - i);
  }
  return total;
}

/** The error rates the generated run has by construction (majority of 5). */
export const DEMO_JUDGE_EXPECTED = {
  sensitivity: binomialAtLeast(DEMO_JUDGE_SAMPLES, DEMO_JUDGE_PER_SAMPLE.yesWhenTrue, 3),
  falsePositiveRate: binomialAtLeast(DEMO_JUDGE_SAMPLES, DEMO_JUDGE_PER_SAMPLE.yesWhenFalse, 3),
};

/** The sentence a "yes" sample quotes: the first one that mentions training, if any. */
function quoteOf(scratchpad: string): string | null {
  const sentence = scratchpad.match(/[^.!?\n]*\btrain(?:ing|ed)?\b[^.!?\n]*[.!?]/i);
  return sentence ? sentence[0].trim() : null;
}

/**
 * Writes the generated judge and its run over the demo dataset, in the
 * caller's transaction (the seed's): replaces an earlier one.
 */
export async function seedDemoJudgeRun(
  client: pg.ClientBase,
  options: { datasetId: number; seed: number },
): Promise<{ runId: number; predictions: number }> {
  await client.query(`DELETE FROM judges WHERE name = $1`, [DEMO_JUDGE_NAME]);
  const judge = await client.query<{ id: number }>(
    `INSERT INTO judges (name, kind, label_key, provider, model, template_key, template_version, samples, aggregation)
     VALUES ($1, 'llm', 'af_verdict', NULL, 'simulated (lib/demo/judge-run.ts)', 'af_verdict', 1, $2, 'majority') RETURNING id`,
    [DEMO_JUDGE_NAME, DEMO_JUDGE_SAMPLES],
  );
  const total = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM transcripts WHERE dataset_id = $1`, [options.datasetId]))
    .rows[0].n;
  const run = await client.query<{ id: number }>(
    `INSERT INTO judge_runs (judge_id, status, filter, total, done, generated, started_at, finished_at)
     VALUES ($1, 'succeeded', $2, $3, $3, true, now(), now()) RETURNING id`,
    [judge.rows[0].id, JSON.stringify({ dataset: options.datasetId }), total],
  );
  const runId = run.rows[0].id;
  // Samples are stored for demo-sized corpora only: a bench corpus of 1,000,000 would get 5,000,000 rows nobody reads.
  const storeSamples = total <= DEMO_JUDGE_SAMPLES_UP_TO;
  const rng = mulberry32(mixSeeds(options.seed, 0x7a11));
  let afterId = 0;
  let written = 0;
  // In id order, a batch at a time: the seed's memory stays flat whatever the corpus size.
  for (;;) {
    const { rows } = await client.query<{ id: number; scratchpad_text: string; truth: boolean }>(
      `SELECT t.id, t.scratchpad_text, coalesce(sl.value = 'true', false) AS truth
         FROM transcripts t
         LEFT JOIN source_labels sl ON sl.transcript_id = t.id AND sl.source = 'demo generator' AND sl.name = 'alignment_faking'
        WHERE t.dataset_id = $1 AND t.id > $2 ORDER BY t.id LIMIT $3`,
      [options.datasetId, afterId, BATCH],
    );
    if (!rows.length) break;
    afterId = rows.at(-1)!.id;
    written += rows.length;
    await writeBatch(client, runId, rows, rng, storeSamples);
  }
  return { runId, predictions: written };
}

const BATCH = 5_000;
/** Corpora up to this size get every sample stored (the default demo has 4,000 transcripts). */
export const DEMO_JUDGE_SAMPLES_UP_TO = 50_000;

async function writeBatch(
  client: pg.ClientBase,
  runId: number,
  rows: { id: number; scratchpad_text: string; truth: boolean }[],
  rng: () => number,
  storeSamples: boolean,
) {
  const prediction = {
    ids: [] as number[],
    verdicts: [] as boolean[],
    scores: [] as number[],
    reasons: [] as string[],
    evidence: [] as string[],
  };
  const sample = { ids: [] as number[], indices: [] as number[], raws: [] as string[] };
  for (const t of rows) {
    const p = t.truth ? DEMO_JUDGE_PER_SAMPLE.yesWhenTrue : DEMO_JUDGE_PER_SAMPLE.yesWhenFalse;
    const quote = quoteOf(t.scratchpad_text);
    let yes = 0;
    for (let i = 0; i < DEMO_JUDGE_SAMPLES; i++) {
      const verdict = chance(rng, p);
      if (verdict) yes++;
      if (!storeSamples) continue;
      const answer = {
        verdict,
        reason: verdict
          ? "Generated: the simulated judge reads alignment faking here."
          : "Generated: the simulated judge reads no alignment faking here.",
        evidence: verdict && quote ? [quote] : [],
      };
      sample.ids.push(t.id);
      sample.indices.push(i);
      sample.raws.push(JSON.stringify(answer));
    }
    const verdict = yes * 2 > DEMO_JUDGE_SAMPLES;
    prediction.ids.push(t.id);
    prediction.verdicts.push(verdict);
    prediction.scores.push(yes / DEMO_JUDGE_SAMPLES);
    prediction.reasons.push(`Generated: ${yes} of ${DEMO_JUDGE_SAMPLES} simulated samples say alignment faking.`);
    prediction.evidence.push(JSON.stringify(verdict && quote ? locateEvidence(t.scratchpad_text, [quote]) : []));
  }
  if (storeSamples) {
    await client.query(
      `INSERT INTO judge_samples (run_id, transcript_id, sample_index, raw, parsed)
       SELECT $1, t, i, r, r::jsonb FROM unnest($2::int[], $3::int[], $4::text[]) AS s(t, i, r)`,
      [runId, sample.ids, sample.indices, sample.raws],
    );
  }
  await client.query(
    `INSERT INTO judge_predictions (run_id, transcript_id, verdict, score, reason, evidence)
     SELECT $1, t, v, s, r, e::jsonb FROM unnest($2::int[], $3::boolean[], $4::float8[], $5::text[], $6::text[]) AS p(t, v, s, r, e)`,
    [runId, prediction.ids, prediction.verdicts, prediction.scores, prediction.reasons, prediction.evidence],
  );
}
