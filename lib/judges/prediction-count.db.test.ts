import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPredictions } from "./imported/store";
import { Fixtures } from "@/lib/testing/fixtures";
import { testDatabaseUrl } from "@/lib/testing/database-url";

process.env.DATABASE_URL = testDatabaseUrl();
const { listJudgeSources } = await import("@/lib/analytics/judge-chart");

/**
 * judge_runs.prediction_count (migration 20261206100100) is what the chart pages list a run's
 * predictions by; triggers on judge_predictions keep it. After every kind of write it must
 * equal count(*).
 */
const fixtures = new Fixtures(testDatabaseUrl());
const client = fixtures.client;
const judgeName = `counted-${randomUUID().slice(0, 8)}`;
let ids: number[];

beforeAll(async () => {
  await fixtures.connect();
  ids = [];
  for (const text of ["One.", "Two.", "Three.", "Four."]) ids.push(await fixtures.transcript(text));
});
afterAll(async () => {
  await client.query(`DELETE FROM judges WHERE name = $1`, [judgeName]);
  await fixtures.cleanup();
  await client.end();
});

const stored = async (runIds: number[]) =>
  (
    await client.query<{ id: number; stored: number; counted: number }>(
      `SELECT r.id, r.prediction_count AS stored, (SELECT count(*)::int FROM judge_predictions p WHERE p.run_id = r.id) AS counted
       FROM judge_runs r WHERE r.id = ANY($1) ORDER BY r.id`,
      [runIds],
    )
  ).rows;

async function importRun(transcripts: number[]) {
  const text = transcripts.map((id) => JSON.stringify({ transcript_id: id, label: true })).join("\n");
  return importPredictions(client, { file: "p.jsonl", text, judge: judgeName, labelKey: "af_verdict", createdBy: null });
}

describe("a judge run's prediction count", () => {
  it("follows inserts, skipped duplicates, deleted transcripts and TRUNCATE, and is what the chart pages list", async () => {
    const first = await importRun(ids.slice(0, 3));
    const second = await importRun(ids.slice(0, 1));
    const runs = [first.runId, second.runId];
    expect(await stored(runs)).toEqual([
      { id: first.runId, stored: 3, counted: 3 },
      { id: second.runId, stored: 1, counted: 1 },
    ]);

    // One statement over both runs, one of its rows already there (skipped by ON CONFLICT).
    await client.query(
      `INSERT INTO judge_predictions (run_id, transcript_id, verdict) VALUES ($1, $3, true), ($1, $4, false), ($2, $4, true)
       ON CONFLICT (run_id, transcript_id) DO NOTHING`,
      [first.runId, second.runId, ids[0], ids[3]],
    );
    expect((await stored(runs)).map((row) => row.stored)).toEqual([4, 2]);

    // A transcript deleted takes its predictions, and the counts, with it.
    await client.query(`DELETE FROM transcripts WHERE id = $1`, [ids[0]]);
    expect(await stored(runs)).toEqual([
      { id: first.runId, stored: 3, counted: 3 },
      { id: second.runId, stored: 1, counted: 1 },
    ]);

    const listed = (await listJudgeSources()).filter((source) => runs.includes(source.runId));
    expect(listed.map((source) => [source.runId, source.predictions])).toEqual([
      [second.runId, 1],
      [first.runId, 3],
    ]);

    await client.query("BEGIN");
    await client.query("TRUNCATE judge_predictions");
    expect((await stored(runs)).map((row) => row.stored)).toEqual([0, 0]);
    await client.query("ROLLBACK");
    expect((await stored(runs)).map((row) => row.stored)).toEqual([3, 1]);
  });
});
