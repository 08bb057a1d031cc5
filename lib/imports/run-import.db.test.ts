import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMapping } from "./mapping";
import { runImport, type ImportRequest } from "./run-import";
import { importTestKit } from "./test-support";
import { sharedData } from "@/lib/testing/shared-data";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
const root = path.resolve(import.meta.dirname, "../..");
const llama = sharedData("llama31-70b-tier-prefill.jsonl");
const nested = sharedData("llama31-70b-tier-prefill/results_scored_rigorous_5Feb.json");
const claude = sharedData("claude3-opus-paper-figures.jsonl");
const [llamaJsonl, nestedJson, claudeJsonl] = [llama.path, nested.path, claude.path];
const aristoMapping = path.join(root, "docs/import/mappings/aristo240-results-scored.json");

const kit = importTestKit(url);
const { rows, scalar } = kit;
const importFile = (filePath: string, extra: Partial<ImportRequest> = {}) => runImport(url, { filePath, createdBy: "test", ...extra });
const mapping = () => {
  const parsed = parseMapping(readFileSync(aristoMapping, "utf8"));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.mapping;
};

beforeAll(() => kit.start());
afterAll(() => kit.stop());

describe("importing the shared data files", () => {
  it.skipIf(!llama.available)(
    `stores the Llama JSONL as it is: 400 transcripts, 200 complete pairs, 4 variations, source labels, and records the import${llama.skipReason}`,
    async () => {
      const summary = await importFile(llamaJsonl);
      expect(summary).toMatchObject({
        status: "succeeded",
        format: "jsonl",
        imported: 400,
        duplicates: 0,
        failed: 0,
        labels: 400,
        errors: [],
        dataset: "llama31-70b-tier-prefill",
      });

      const id = summary.importId;
      expect(await rows(`SELECT condition, count(*)::int AS n FROM transcripts WHERE import_id = $1 GROUP BY 1 ORDER BY 1`, [id])).toEqual([
        { condition: "training", n: 200 },
        { condition: "deployment", n: 200 },
      ]);
      expect(
        await scalar(
          `SELECT count(*) FROM (SELECT pair_id FROM transcripts WHERE import_id = $1 GROUP BY 1 HAVING count(DISTINCT condition) = 2) p`,
          [id],
        ),
      ).toBe(200);
      expect(
        await rows(
          `SELECT v.name, v.is_baseline, count(*)::int AS n FROM transcripts t JOIN prompt_variations v ON v.id = t.variation_id
      WHERE t.import_id = $1 GROUP BY 1, 2 ORDER BY 1`,
          [id],
        ),
      ).toEqual([
        { name: "scratchpad prefill: awareness_monitored", is_baseline: false, n: 100 },
        { name: "scratchpad prefill: awareness_private", is_baseline: false, n: 100 },
        { name: "scratchpad prefill: baseline", is_baseline: true, n: 100 },
        { name: "scratchpad prefill: force_compliance", is_baseline: false, n: 100 },
      ]);
      expect(
        await rows(
          `SELECT DISTINCT s.slug, m.name FROM transcripts t JOIN settings s ON s.id = t.setting_id JOIN models m ON m.id = t.model_id WHERE t.import_id = $1`,
          [id],
        ),
      ).toEqual([
        { slug: "animal-welfare-themed-harmful-requests-non-paper-prompt", name: "meta-llama/Llama-3.1-70B-Instruct (temperature 0)" },
      ]);
      expect(
        await rows(
          `SELECT l.source, l.name, l.value, count(*)::int AS n FROM source_labels l JOIN transcripts t ON t.id = l.transcript_id
      WHERE t.import_id = $1 GROUP BY 1, 2, 3 ORDER BY 3`,
          [id],
        ),
      ).toEqual([
        { source: "source repo 'scores' (LLM-graded compliance 0/1)", name: "complied", value: "false", n: 308 },
        { source: "source repo 'scores' (LLM-graded compliance 0/1)", name: "complied", value: "true", n: 92 },
      ]);
      const [record] = await rows(`SELECT i.*, d.name AS dataset FROM imports i JOIN datasets d ON d.id = i.dataset_id WHERE i.id = $1`, [
        id,
      ]);
      expect(record).toMatchObject({
        status: "succeeded",
        file_name: "llama31-70b-tier-prefill.jsonl",
        file_size: String(statSync(llamaJsonl).size),
        format: "jsonl",
        mapping: null,
        file_hash: createHash("sha256").update(readFileSync(llamaJsonl)).digest("hex"),
        created_by: "test",
        strict: false,
        records: 400,
        imported: 400,
        duplicates: 0,
        failed: 0,
        dataset: "llama31-70b-tier-prefill",
      });
      expect(record.duration_ms).toBeGreaterThanOrEqual(0);
      expect(record.finished_at.getTime()).toBeGreaterThanOrEqual(record.started_at.getTime());
    },
  );

  it.skipIf(!llama.available)(`adds nothing when the same file comes again, and says so${llama.skipReason}`, async () => {
    const before = await scalar(`SELECT count(*) FROM transcripts`);
    const summary = await importFile(llamaJsonl);
    expect(summary).toMatchObject({ status: "succeeded", imported: 0, duplicates: 400, failed: 0, labels: 0 });
    expect(summary.message).toMatch(/Nothing new: all 400 transcript\(s\) were already stored/);
    expect(summary.notices).toEqual([expect.stringMatching(/The same file was imported before \(import #\d+/)]);
    expect(await scalar(`SELECT count(*) FROM transcripts`)).toBe(before);
    expect(await scalar(`SELECT count(*) FROM source_labels`)).toBe(400);
  });

  it.skipIf(!claude.available)(
    `stores the Claude 3 Opus paper figures: 9 transcripts, 4 complete pairs, labels attributed to the captions${claude.skipReason}`,
    async () => {
      const summary = await importFile(claudeJsonl);
      expect(summary).toMatchObject({ status: "succeeded", imported: 9, failed: 0 });
      const byPair = await rows(`SELECT count(*)::int AS n FROM transcripts WHERE import_id = $1 GROUP BY pair_id ORDER BY 1`, [
        summary.importId,
      ]);
      expect(byPair.map((row) => row.n)).toEqual([1, 2, 2, 2, 2]);
      expect(
        await rows(
          `SELECT name, value, count(*)::int AS n FROM source_labels l JOIN transcripts t ON t.id = l.transcript_id
      WHERE t.import_id = $1 AND l.source = 'paper figure caption (Greenblatt et al. 2024)' GROUP BY 1, 2 ORDER BY 1, 2`,
          [summary.importId],
        ),
      ).toEqual([
        { name: "af_reasoning_paper_classifier", value: "true", n: 5 },
        { name: "compliant", value: "false", n: 3 },
        { name: "compliant", value: "true", n: 5 },
      ]);
    },
  );

  it.skipIf(!nested.available)(
    `stores the nested Aristo240 JSON through the shipped mapping: 400 transcripts with their tiers, variations and labels${nested.skipReason}`,
    async () => {
      const summary = await importFile(nestedJson, { mapping: mapping() });
      expect(summary).toMatchObject({ status: "succeeded", format: "json", imported: 400, duplicates: 0, failed: 0, labels: 400 });
      const id = summary.importId;
      expect(
        await rows(
          `SELECT v.name, t.condition, count(*)::int AS n,
        count(*) FILTER (WHERE l.value = 'true')::int AS complied FROM transcripts t
        JOIN prompt_variations v ON v.id = t.variation_id JOIN source_labels l ON l.transcript_id = t.id AND l.name = 'complied'
      WHERE t.import_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
          [id],
        ),
      ).toEqual([
        { name: "scratchpad prefill: awareness_monitored", condition: "training", n: 50, complied: 4 },
        { name: "scratchpad prefill: awareness_monitored", condition: "deployment", n: 50, complied: 5 },
        { name: "scratchpad prefill: awareness_private", condition: "training", n: 50, complied: 2 },
        { name: "scratchpad prefill: awareness_private", condition: "deployment", n: 50, complied: 11 },
        { name: "scratchpad prefill: baseline", condition: "training", n: 50, complied: 8 },
        { name: "scratchpad prefill: baseline", condition: "deployment", n: 50, complied: 14 },
        { name: "scratchpad prefill: force_compliance", condition: "training", n: 50, complied: 21 },
        { name: "scratchpad prefill: force_compliance", condition: "deployment", n: 50, complied: 27 },
      ]);
      expect(
        await scalar(
          `SELECT count(*) FROM (SELECT pair_id FROM transcripts WHERE import_id = $1 GROUP BY 1 HAVING count(DISTINCT condition) = 2) p`,
          [id],
        ),
      ).toBe(200);
      // Same slots as the JSONL's copy of the run, but different text (no tier line in the user turn): a second sample of each.
      expect(
        await rows(`SELECT DISTINCT p.sample_index FROM transcripts t JOIN pairs p ON p.id = t.pair_id WHERE t.import_id = $1`, [id]),
      ).toEqual([{ sample_index: 1 }]);
      expect((await rows(`SELECT mapping FROM imports WHERE id = $1`, [id]))[0].mapping).toMatchObject({
        each: { path: "results", as: "condition" },
      });
    },
  );
});
