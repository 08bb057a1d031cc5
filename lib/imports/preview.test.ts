import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "@/lib/testing/shared-data";
import { previewFile } from "./preview";

const root = path.resolve(import.meta.dirname, "../..");
const llama = sharedData("llama31-70b-tier-prefill.jsonl");
const nestedFile = sharedData("llama31-70b-tier-prefill/results_scored_rigorous_5Feb.json");
const nested = nestedFile.path;

describe("the import page's preview", () => {
  it.skipIf(!llama.available)(
    `shows the first five records as they will be stored, and the fields nothing reads${llama.skipReason}`,
    async () => {
      const preview = await previewFile(llama.path, "llama.jsonl", {});
      expect(preview).toMatchObject({ format: "jsonl", recognized: true, errors: [], mappingErrors: [] });
      expect(preview.records).toHaveLength(5);
      expect(preview.records[0]).toMatchObject({
        line: 1,
        condition: "training",
        variation: "scratchpad prefill: baseline",
        labels: [{ name: "complied", value: "false" }],
      });
      expect(preview.ignoredFields).toContain("pair_key");
    },
  );

  it.skipIf(!nestedFile.available)(
    `does not recognise a shape the aliases miss, and does with the shipped mapping${nestedFile.skipReason}`,
    async () => {
      const bare = await previewFile(nested, "results.json", {});
      expect(bare).toMatchObject({ format: "json", recognized: false, records: [] });
      expect(bare.errors[0]).toMatchObject({ line: 2, field: "messages" });
      expect(JSON.parse(bare.sample!)).toMatchObject({ id: 0, query: expect.any(String) });

      const mappingText = readFileSync(path.join(root, "docs/import/mappings/aristo240-results-scored.json"), "utf8");
      const mapped = await previewFile(nested, "results.json", { mappingText });
      expect(mapped.recognized).toBe(true);
      expect(mapped.records.map((r) => [r.where, r.condition])).toEqual([
        ["results.Free_Tier_Baseline", "training"],
        ["results.Free_Tier_Force_Compliance", "training"],
        ["results.Free_Tier_Awareness_Monitored", "training"],
        ["results.Free_Tier_Awareness_Private", "training"],
        ["results.Paid_Tier_Baseline", "deployment"],
      ]);
    },
  );

  it.skipIf(!nestedFile.available)(`reports a broken mapping instead of reading with it${nestedFile.skipReason}`, async () => {
    const preview = await previewFile(nested, "results.json", { mappingText: '{"each": {"path": "results"}}' });
    expect(preview.mappingErrors).toEqual([expect.stringMatching(/^each\.as/)]);
  });
});
