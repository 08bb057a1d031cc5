import { spawn } from "node:child_process";
import { once } from "node:events";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoCorpus } from "@/lib/demo/generate";
import { IMPORT_LOCK_CLASS, reapInterruptedImports } from "./record";
import { runImport } from "./run-import";
import { importTestKit } from "./test-support";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * "Never half-write": an import killed mid-way, or cut off from the database
 * mid-way, commits nothing and leaves no import that claims to be running;
 * running it again simply works.
 */
const url = testDatabaseUrl();
const root = path.resolve(import.meta.dirname, "../..");
const kit = importTestKit(url);
const SIZE = 10_000; // ten batches: the first is written well before the last

function demoFile(name: string, seed: number) {
  const lines: string[] = [];
  for (const t of generateDemoCorpus({ size: SIZE, seed })) {
    lines.push(JSON.stringify({ setting: t.settingSlug, variation: t.variationSlug, model: t.model, messages: t.messages }));
  }
  const file = path.join(kit.dir, name);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

/** Polls until `probe` returns a value; no timing is asserted, the test's own timeout bounds the wait. */
async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The CLI exactly as `npm run import` runs it. */
function importCommand(file: string, dataset: string) {
  return spawn(process.execPath, ["--max-old-space-size=256", "--import", "tsx", "scripts/import.ts", file, "--dataset", dataset], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

beforeAll(() => kit.start());
afterAll(() => kit.stop());

describe("an import that does not finish", () => {
  it("killed mid-way commits nothing and is recorded as interrupted; the rerun imports everything", { timeout: 240_000 }, async () => {
    const file = demoFile("killed.jsonl", 11);
    const before = await kit.footprint();

    const child = importCommand(file, "killed");
    // Mid-way: at least one batch is written inside the import's transaction, and the file is not finished.
    const importId = await waitFor(
      async () => (await kit.rows(`SELECT id FROM imports WHERE status = 'running' AND imported > 0`))[0]?.id as number | undefined,
    );
    child.kill("SIGKILL");
    await once(child, "exit");

    expect(await kit.footprint()).toEqual(before);
    // PostgreSQL notices the dead client and drops its liveness lock; the run is then reported as interrupted.
    await waitFor(async () => ((await reapInterruptedImports(kit.client)) > 0 ? true : undefined));
    expect(await kit.rows(`SELECT status, message FROM imports WHERE id = $1`, [importId])).toEqual([
      { status: "interrupted", message: expect.stringMatching(/nothing it read was committed/) },
    ]);

    const rerun = importCommand(file, "killed");
    let stdout = "";
    rerun.stdout.on("data", (chunk) => (stdout += chunk));
    const [code] = await once(rerun, "exit");
    expect(code).toBe(0);
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toMatchObject({ imported: SIZE, duplicates: 0, failed: 0 });
    expect(await kit.scalar(`SELECT count(*) FROM transcripts`)).toBe(before.transcripts + SIZE);
  });

  it("cut off from the database mid-way fails, commits nothing, and the rerun imports everything", { timeout: 240_000 }, async () => {
    const file = demoFile("lost.jsonl", 12);
    const before = await kit.footprint();
    let cut: Promise<unknown> | undefined;
    const summary = await runImport(
      url,
      { filePath: file, createdBy: "test", dataset: "lost" },
      {
        onProgress: (progress) => {
          // Kill the server side of the import's data connection (the one holding its liveness lock; import ids repeat in
          // the other workers' databases, cloned from the same template, so only this database's).
          cut ??=
            progress.imported > 0
              ? kit.client.query(
                  `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::int::oid AND objid = $2::int::oid AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
                  [IMPORT_LOCK_CLASS, progress.importId],
                )
              : undefined;
        },
      },
    );
    expect(cut).toBeDefined();
    expect(summary).toMatchObject({
      status: "failed",
      imported: 0,
      message: expect.stringMatching(/^The import failed and nothing was committed/),
    });
    expect(await kit.footprint()).toEqual(before);
    expect(await kit.rows(`SELECT status FROM imports WHERE id = $1`, [summary.importId])).toEqual([{ status: "failed" }]);

    const rerun = await runImport(url, { filePath: file, createdBy: "test", dataset: "lost" });
    expect(rerun).toMatchObject({ status: "succeeded", imported: SIZE, duplicates: 0 });
  });
});
