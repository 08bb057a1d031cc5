import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { PredictionFileError } from "./parse";
import { importPredictions } from "./store";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/** Imported classifier predictions against real PostgreSQL: stored as a judge run of kind "imported", all or nothing. */
const fixtures = new Fixtures(testDatabaseUrl());
const client = fixtures.client;
const judgeName = `classifier-${randomUUID().slice(0, 8)}`;
let ids: number[];
let hash: string;

beforeAll(async () => {
  await fixtures.connect();
  ids = [await fixtures.transcript("First."), await fixtures.transcript("Second."), await fixtures.transcript("Third.")];
  hash = createHash("sha256").update(randomUUID()).digest("hex");
  await client.query(`UPDATE transcripts SET content_hash = $1 WHERE id = $2`, [hash, ids[2]]);
});

afterAll(async () => {
  await client.query(`DELETE FROM judges WHERE name = $1`, [judgeName]);
  await fixtures.cleanup();
  await client.end();
});

const runCount = async () =>
  (
    await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM judge_runs r JOIN judges j ON j.id = r.judge_id WHERE j.name = $1`, [
      judgeName,
    ])
  ).rows[0].n;

describe("importing predictions", () => {
  it("stores an imported judge with one finished run and a prediction per line", async () => {
    const text = [
      JSON.stringify({ transcript_id: ids[0], score: 0.9, reason: "says it is trained" }),
      JSON.stringify({ transcript_id: ids[1], score: 0.1 }),
      JSON.stringify({ content_hash: hash, label: true }),
    ].join("\n");
    const result = await importPredictions(client, {
      file: "preds.jsonl",
      text,
      judge: judgeName,
      labelKey: "af_verdict",
      createdBy: null,
    });
    expect(result.predictions).toBe(3);

    const judge = (await client.query(`SELECT kind, label_key, provider FROM judges WHERE id = $1`, [result.judgeId])).rows[0];
    expect(judge).toEqual({ kind: "imported", label_key: "af_verdict", provider: null });
    const run = (
      await client.query(`SELECT status, total, done, filter, finished_at IS NOT NULL AS finished FROM judge_runs WHERE id = $1`, [
        result.runId,
      ])
    ).rows[0];
    expect(run).toEqual({ status: "succeeded", total: 3, done: 3, filter: {}, finished: true });
    const predictions = (
      await client.query(
        `SELECT transcript_id, verdict, score, reason, evidence FROM judge_predictions WHERE run_id = $1 ORDER BY transcript_id`,
        [result.runId],
      )
    ).rows;
    expect(predictions).toEqual([
      { transcript_id: ids[0], verdict: true, score: 0.9, reason: "says it is trained", evidence: [] },
      { transcript_id: ids[1], verdict: false, score: 0.1, reason: null, evidence: [] },
      { transcript_id: ids[2], verdict: true, score: null, reason: null, evidence: [] },
    ]);
    // No samples: an imported run has predictions only.
    expect((await client.query(`SELECT count(*)::int AS n FROM judge_samples WHERE run_id = $1`, [result.runId])).rows[0].n).toBe(0);
  });

  it("a second file under the same name is a second run of the same judge", async () => {
    const first = (await client.query<{ id: number }>(`SELECT id FROM judges WHERE name = $1`, [judgeName])).rows[0].id;
    const result = await importPredictions(client, {
      file: "again.csv",
      text: `transcript_id,label\n${ids[0]},no\n`,
      judge: judgeName,
      labelKey: "af_verdict",
      createdBy: null,
    });
    expect(result.judgeId).toBe(first);
    expect(await runCount()).toBe(2);
  });

  it("refuses a file naming unknown transcripts, storing nothing", async () => {
    const text = [
      JSON.stringify({ transcript_id: ids[0], score: 0.3 }),
      JSON.stringify({ transcript_id: 2_000_000_000, score: 0.3 }),
      JSON.stringify({ content_hash: "b".repeat(64), score: 0.3 }),
      JSON.stringify({ transcript_id: ids[1], content_hash: hash, score: 0.3 }),
      JSON.stringify({ content_hash: hash, score: 0.3 }),
      JSON.stringify({ transcript_id: ids[2], score: 0.3 }),
    ].join("\n");
    const before = await runCount();
    const error = await importPredictions(client, {
      file: "bad.jsonl",
      text,
      judge: judgeName,
      labelKey: "af_verdict",
      createdBy: null,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(PredictionFileError);
    expect(error.message.split("\n")).toEqual([
      `bad.jsonl, line 2, field "transcript_id": no transcript has id 2000000000`,
      `bad.jsonl, line 3, field "content_hash": no transcript has this content hash`,
      `bad.jsonl, line 4, field "content_hash": is not the content hash of transcript ${ids[1]}`,
      `bad.jsonl, line 6: transcript ${ids[2]} again (first on line 5)`,
    ]);
    expect(await runCount()).toBe(before);
  });

  it("refuses a name taken by a judge of another label", async () => {
    const error = await importPredictions(client, {
      file: "other.jsonl",
      text: JSON.stringify({ transcript_id: ids[0], score: 0.3 }),
      judge: judgeName,
      labelKey: "compliance",
      createdBy: null,
    }).catch((e) => e);
    expect(error.message).toBe(
      `other.jsonl, line 1: the judge "${judgeName}" exists already as a classifier of af_verdict: choose another name`,
    );
  });
});

describe("the entry point for the page and the API", () => {
  it("returns the problems instead of throwing", async () => {
    const { importPredictions: entry } = await import("./index");
    const outcome = await entry(client, {
      judgeName: judgeName,
      labelKey: "af_verdict",
      fileName: "p.jsonl",
      text: `{"transcript_id": ${ids[0]}, "score": 2}`,
      createdById: null,
    });
    expect(outcome).toMatchObject({
      ok: false,
      imported: 0,
      errors: [{ line: 1, field: "score", message: "must be a number between 0 and 1" }],
    });
    const good = await entry(client, {
      judgeName,
      labelKey: "af_verdict",
      fileName: "p.jsonl",
      text: `{"transcript_id": ${ids[0]}, "score": 0.7}`,
      createdById: null,
    });
    expect(good).toMatchObject({ ok: true, imported: 1, errors: [] });
  });
});
