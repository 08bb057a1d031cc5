import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { createQueue } from "./create";
import type { CreateQueueInput } from "./schemas";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * Back to humans: queues drawn from a judge run, nearest its threshold first or
 * stratified, on a run whose scores and verdicts are set by hand.
 */
const fixtures = new Fixtures(testDatabaseUrl());
let lead: string;
let annotator: string;
let run: number;
let dataset: number;
/** Transcript id by its judge score. */
const byScore = new Map<number, number>();
const q = (sql: string, params: unknown[]) => fixtures.client.query(sql, params);

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  lead = await fixtures.user("lead", "Sampling Lead");
  annotator = await fixtures.user("annotator", "Sampling Annotator");
  const judge = (
    await q(`INSERT INTO judges (name, kind, label_key) VALUES ($1, 'imported', 'af_verdict') RETURNING id`, [`sampling-${Date.now()}`])
  ).rows[0].id;
  run = (await q(`INSERT INTO judge_runs (judge_id, status) VALUES ($1, 'succeeded') RETURNING id`, [judge])).rows[0].id;
  // score, verdict, condition: three strata (training+yes, training+no, deployment+yes).
  const rows: [number, boolean, "training" | "deployment"][] = [
    [0.1, false, "training"],
    [0.35, true, "training"],
    [0.45, true, "training"],
    [0.9, true, "training"],
    [0.95, true, "training"],
    [0.8, true, "deployment"],
  ];
  for (const [score, verdict, condition] of rows) {
    const id = await fixtures.transcript(`Scored ${score}`);
    byScore.set(score, id);
    await q(`UPDATE transcripts SET condition = $2 WHERE id = $1`, [id, condition]);
    await q(`INSERT INTO judge_predictions (run_id, transcript_id, verdict, score) VALUES ($1, $2, $3, $4)`, [run, id, verdict, score]);
  }
  dataset = (await q(`SELECT dataset_id FROM transcripts WHERE id = $1`, [byScore.get(0.1)])).rows[0].dataset_id;
});
afterAll(async () => {
  await q(`DELETE FROM judges WHERE id = (SELECT judge_id FROM judge_runs WHERE id = $1)`, [run]);
  await fixtures.cleanup();
});

const make = (filter: string, sample: CreateQueueInput["sample"], size: number) =>
  createQueue(
    {
      name: `sample ${sample}`,
      description: "",
      filter: `dataset=${dataset}&${filter}`,
      size,
      sample,
      pairs: false,
      annotatorsPerItem: 1,
      blind: true,
      hideSuggestions: true,
      annotatorIds: [annotator],
    },
    lead,
  );
const itemsOf = async (queue: number) =>
  (await q(`SELECT transcript_id FROM label_queue_items WHERE queue_id = $1 ORDER BY transcript_id`, [queue])).rows.map(
    (row) => row.transcript_id as number,
  );

describe("queues from a judge run", () => {
  it("most uncertain first: the transcripts whose scores sit nearest the threshold", async () => {
    // Judge-positive at 0.3: 0.35, 0.45, 0.8, 0.9, 0.95. Nearest 0.3: 0.35 (0.05), 0.45 (0.15).
    const queue = await make(`judge=${run}:positive@0.3`, "uncertain", 2);
    expect(await itemsOf(queue.id)).toEqual([byScore.get(0.35), byScore.get(0.45)].sort((a, b) => a! - b!));
    // At threshold 0 every scored transcript counts as positive; nearest 0: 0.1, 0.35, 0.45.
    const low = await make(`judge=${run}:positive@0`, "uncertain", 3);
    expect(await itemsOf(low.id)).toEqual([byScore.get(0.1), byScore.get(0.35), byScore.get(0.45)].sort((a, b) => a! - b!));
  });

  it("stratified: one per stratum (variation × condition × judge verdict) before a second from any", async () => {
    const queue = await make(`judge=${run}:positive@0`, "stratified", 3);
    const picked = await itemsOf(queue.id);
    const strata = (
      await q(
        `SELECT t.condition, jp.verdict FROM transcripts t JOIN judge_predictions jp ON jp.transcript_id = t.id AND jp.run_id = $2 WHERE t.id = ANY($1)`,
        [picked, run],
      )
    ).rows.map((row) => `${row.condition}/${row.verdict}`);
    // At threshold 0 every transcript is judge-positive by score, but the strata follow the judge's own verdict.
    expect(strata.sort()).toEqual(["deployment/true", "training/false", "training/true"]);
  });

  it("refuses “most uncertain” without a judge run, and for pairs, saying what to change", async () => {
    await expect(make("", "uncertain", 2)).rejects.toThrow(/needs a judge run in the filter/);
    await expect(
      createQueue(
        {
          name: "pairs",
          description: "",
          filter: `judge=${run}:positive@0.3`,
          size: 2,
          sample: "stratified",
          pairs: true,
          annotatorsPerItem: 1,
          blind: true,
          hideSuggestions: true,
          annotatorIds: [annotator],
        },
        lead,
      ),
    ).rejects.toThrow(/untick “Count pairs”/);
  });
});
