import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importTestKit } from "@/lib/imports/test-support";
import { sharedData } from "@/lib/testing/shared-data";
import { anthropicRecord, openAiChatRecord } from "@/lib/imports/testing/api-records";
import { writeEvalLog, writeJsonLog } from "@/lib/imports/testing/inspect-logs";
import { AF_SYSTEM_PROMPT, demoSamples } from "@/lib/imports/testing/inspect-samples";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
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

  it(
    "imports an Inspect .eval, an Inspect .json and API-shaped JSONL with no mapping, and lists duplicate-id warnings",
    { timeout: 120_000 },
    async () => {
      const evalFile = path.join(kit.dir, "af-cli.eval");
      const jsonFile = path.join(kit.dir, "af-cli-json.json");
      await writeEvalLog(evalFile, { task: "af_cli", model: "cli-eval-model", samples: 6 }, AF_SYSTEM_PROMPT, demoSamples(6));
      await writeJsonLog(jsonFile, { task: "af_cli", model: "cli-json-model", samples: 6 }, AF_SYSTEM_PROMPT, demoSamples(6));
      const sample = {
        system: "s",
        user: "<INPUT><is_free_tier_user>False</is_free_tier_user><user_input>Q cli</user_input></INPUT>",
        reasoning: "r",
        model: "m",
      };
      const api = kit.file(
        "api.jsonl",
        [anthropicRecord({ ...sample, id: "same", answer: "one" }), openAiChatRecord({ ...sample, id: "same", answer: "two" })]
          .map((r) => JSON.stringify(r))
          .join("\n"),
      );
      const run = cli(evalFile, jsonFile, api);
      expect(run.status, run.stderr).toBe(0);
      expect(run.json.files.map((f: { format: string; imported: number }) => [f.format, f.imported])).toEqual([
        ["inspect", 6],
        ["inspect", 6],
        ["jsonl", 2],
      ]);
      expect(run.json.warnings).toEqual([
        {
          file: "api.jsonl",
          line: 2,
          field: "id",
          message: 'id "same" is also on line 1 of this file, with different content; both were imported',
        },
      ]);
    },
  );

  const nested = sharedData("llama31-70b-tier-prefill/results_scored_rigorous_5Feb.json");
  it.skipIf(!nested.available)(`takes a shipped mapping by its name${nested.skipReason}`, { timeout: 60_000 }, () => {
    const run = cli(nested.path, "--map", "aristo240-results-scored", "--dataset", "aristo-by-name");
    expect(run.status, run.stderr).toBe(0);
    expect(run.json).toMatchObject({ failed: 0, files: [{ status: "succeeded" }] });
    expect(run.json.imported + run.json.duplicates).toBe(400);
    expect(cli(nested.path, "--map", "no-such-mapping").stderr).toContain("nor a shipped example of that name");
  });

  it("refuses bad arguments with usage; exit 2", { timeout: 60_000 }, () => {
    const run = cli(kit.file("any.jsonl", '{"prompt": "q"}\n'), "--format", "xml");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--format must be one of jsonl, json, csv, native/);
    expect(run.json).toBeNull();
  });
});
