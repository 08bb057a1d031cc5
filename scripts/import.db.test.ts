import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sharedData } from "@/lib/testing/shared-data";
import { importTestKit } from "@/lib/imports/test-support";

const url = inject("databaseUrl");
const root = path.resolve(import.meta.dirname, "..");
const figures = sharedData("claude3-opus-paper-figures.jsonl");
const claude = figures.path;
const kit = importTestKit(url);

/** `npm run import -- ...args`, as package.json runs it, against the test database. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ["--max-old-space-size=256", "--import", "tsx", "scripts/import.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  return { status: result.status, stderr: result.stderr, json: last.startsWith("{") ? JSON.parse(last) : null };
}

beforeAll(() => kit.start());
afterAll(() => kit.stop());

describe("npm run import", () => {
  it.skipIf(!figures.available)(`imports and ends with one JSON line; exit 0${figures.skipReason}`, { timeout: 60_000 }, () => {
    const run = cli(claude, "--dataset", "figures");
    expect(run.status).toBe(0);
    expect(run.json).toMatchObject({
      imported: 9,
      duplicates: 0,
      failed: 0,
      errors: [],
      files: [{ file: "claude3-opus-paper-figures.jsonl", status: "succeeded", dataset: "figures" }],
    });
  });

  it.skipIf(!figures.available)(
    `reports errors per file with their lines; exit 1 when a file had nothing importable${figures.skipReason}`,
    { timeout: 60_000 },
    () => {
      const bad = kit.file("bad.jsonl", '{"prompt": "q"}\nnot json\n');
      const run = cli(claude, bad);
      expect(run.status).toBe(1);
      expect(run.json).toMatchObject({
        imported: 0,
        duplicates: 9,
        failed: 2,
        errors: [
          { file: "bad.jsonl", line: 1, field: "messages", message: expect.stringMatching(/^no conversation/) },
          { file: "bad.jsonl", line: 2, message: expect.stringMatching(/^not valid JSON/) },
        ],
      });
      expect(run.stderr).toMatch(/bad\.jsonl: import #\d+ failed/);
    },
  );

  it("in strict mode one bad record rejects the file; exit 1", { timeout: 60_000 }, () => {
    const mixed = kit.file(
      "mixed.jsonl",
      '{"prompt": "q", "completion": "<OUTPUT>a</OUTPUT>", "tier": "free", "model": "strict-test"}\n{"prompt": "q"}\n',
    );
    const run = cli(mixed, "--strict");
    expect(run.status).toBe(1);
    expect(run.json).toMatchObject({
      imported: 0,
      failed: 1,
      files: [{ status: "failed", message: expect.stringMatching(/^Strict mode/) }],
    });
  });

  it("refuses bad arguments with usage; exit 2", { timeout: 60_000 }, () => {
    const run = cli(kit.file("any.jsonl", '{"prompt": "q"}\n'), "--format", "xml");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--format must be one of jsonl, json, csv, native/);
    expect(run.json).toBeNull();
  });
});
