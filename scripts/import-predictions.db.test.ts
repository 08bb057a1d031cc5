import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/** The prediction import's command line, as a user runs it, against the test database. */
const url = testDatabaseUrl();
const root = path.resolve(import.meta.dirname, "..");
const fixtures = new Fixtures(url);
const judge = `cli-classifier-${randomUUID().slice(0, 8)}`;
const dir = mkdtempSync(path.join(os.tmpdir(), "predictions-"));
let ids: number[];

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/import-predictions.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  return { status: result.status, stderr: result.stderr, json: last.startsWith("{") ? JSON.parse(last) : null };
}

beforeAll(async () => {
  await fixtures.connect();
  ids = [await fixtures.transcript("One."), await fixtures.transcript("Two.")];
});
afterAll(async () => {
  await fixtures.client.query(`DELETE FROM judges WHERE name = $1`, [judge]);
  await fixtures.cleanup();
  await fixtures.client.end();
  rmSync(dir, { recursive: true, force: true });
});

describe("scripts/import-predictions.ts", () => {
  it("stores a CSV as an imported run and prints one JSON line", { timeout: 60_000 }, async () => {
    const file = path.join(dir, "preds.csv");
    writeFileSync(file, `transcript_id,score\n${ids[0]},0.9\n${ids[1]},0.2\n`);
    const run = cli(file, "--judge", judge, "--label", "af_verdict");
    expect(run.status).toBe(0);
    expect(run.json).toMatchObject({ ok: true, imported: 2 });
    const stored = await fixtures.client.query(
      `SELECT transcript_id, verdict, score FROM judge_predictions WHERE run_id = $1 ORDER BY transcript_id`,
      [run.json.runId],
    );
    expect(stored.rows).toEqual([
      { transcript_id: ids[0], verdict: true, score: 0.9 },
      { transcript_id: ids[1], verdict: false, score: 0.2 },
    ]);
  });

  it("refuses a bad file with its line and field, exit 1", { timeout: 60_000 }, () => {
    const file = path.join(dir, "bad.jsonl");
    writeFileSync(file, `{"transcript_id": ${ids[0]}, "score": "high"}\n`);
    const run = cli(file, "--judge", judge, "--label", "af_verdict");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`bad.jsonl, line 1, field "score": must be a number between 0 and 1`);
    expect(run.json).toEqual({ ok: false, errors: [{ line: 1, field: "score", message: "must be a number between 0 and 1" }] });
  });

  it("bad arguments: exit 2 with the usage", { timeout: 60_000 }, () => {
    const run = cli(path.join(dir, "missing.csv"), "--judge", judge, "--label", "af_verdict");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("No such file");
    const noLabel = cli(path.join(dir, "preds.csv"), "--judge", judge, "--label", "vibes");
    expect(noLabel.status).toBe(2);
    expect(noLabel.stderr).toContain("--label must be one of af_verdict");
  });
});
