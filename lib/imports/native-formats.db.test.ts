import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDemoCorpus } from "@/lib/demo/generate";
import { sharedData } from "@/lib/testing/shared-data";
import { parseMessages } from "@/lib/transcripts/parse";
import { checkMapping } from "./mapping";
import { runImport, type ImportRequest } from "./run-import";
import { anthropicRecord, openAiChatRecord, openAiResponsesRecord, type AfSample } from "./testing/api-records";
import { writeEvalLog, writeJsonLog } from "./testing/inspect-logs";
import { AF_SYSTEM_PROMPT, demoSamples, sharedSamples } from "./testing/inspect-samples";
import { importTestKit } from "./test-support";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/** Files in the shapes of the model APIs and of Inspect logs, imported with no mapping. */
const url = testDatabaseUrl();
const kit = importTestKit(url);
const { rows, scalar } = kit;
const importFile = (filePath: string, extra: Partial<ImportRequest> = {}) => runImport(url, { filePath, createdBy: "test", ...extra });

beforeAll(() => kit.start());
afterAll(() => kit.stop());

/** Demo transcripts as API samples: the user turn, the scratchpad as reasoning, the output as the answer. */
function apiSamples(size: number, model: string): AfSample[] {
  return [...generateDemoCorpus({ size })].map((t, i) => {
    const parsed = parseMessages(t.messages);
    return {
      id: `${model}-${i}`,
      system: AF_SYSTEM_PROMPT,
      user: t.messages[0].content,
      reasoning: parsed.scratchpads.join("\n\n"),
      answer: parsed.finalOutput ?? "",
      model,
    };
  });
}

describe("model API logs", () => {
  const cases = [
    ["anthropic.jsonl", anthropicRecord, "claude-3-7-sonnet"],
    ["openai-chat.jsonl", openAiChatRecord, "deepseek-reasoner"],
    ["openai-responses.jsonl", openAiResponsesRecord, "o3"],
  ] as const;
  for (const [name, shape, model] of cases) {
    it(`${name}: every record goes in with its reasoning as the scratchpad and its text as the answer`, async () => {
      const samples = apiSamples(8, model);
      const file = kit.file(name, samples.map((s) => JSON.stringify(shape(s))).join("\n") + "\n");
      const summary = await importFile(file);
      expect(summary).toMatchObject({ status: "succeeded", imported: 8, failed: 0, errors: [] });
      const stored = await rows(
        `SELECT t.scratchpad_text, t.final_output, t.condition::text AS condition, m.name AS model, t.source_id
           FROM transcripts t JOIN models m ON m.id = t.model_id WHERE t.import_id = $1 ORDER BY t.source_line`,
        [summary.importId],
      );
      expect(stored.map((row) => row.model)).toEqual(Array(8).fill(model));
      expect(stored.map((row) => row.source_id)).toEqual(samples.map((s) => s.id));
      stored.forEach((row, i) => {
        // Anthropic's redacted_thinking block is an (empty) scratchpad of its own, after the readable one.
        expect(row.scratchpad_text).toBe(name === "anthropic.jsonl" ? `${samples[i].reasoning.trim()}\n\n` : samples[i].reasoning.trim());
        expect(row.final_output).toBe(samples[i].answer);
      });
      expect(new Set(stored.map((row) => row.condition))).toEqual(new Set(["training", "deployment"]));
      expect(
        await scalar(
          `SELECT count(*) FROM prompt_variations v JOIN transcripts t ON t.variation_id = v.id WHERE t.import_id = $1 AND v.system_prompt = $2`,
          [summary.importId, AF_SYSTEM_PROMPT],
        ),
      ).toBe(8);
    });
  }
});

describe("Inspect logs", () => {
  const spec = { task: "alignment_faking_helpful_only", model: "anthropic/claude-3-opus", samples: 40 };
  for (const container of ["eval", "json"] as const) {
    it(`.${container}: samples are transcripts; tier and variation from the metadata, task and model in the registry, scores as labels`, async () => {
      const file = path.join(kit.dir, `af-demo.${container}`);
      // Another model per container: the same samples twice would be duplicates.
      const logSpec = { ...spec, model: `${spec.model}-${container}` };
      await (container === "eval" ? writeEvalLog : writeJsonLog)(file, logSpec, AF_SYSTEM_PROMPT, demoSamples(40));
      const summary = await importFile(file, { dataset: `inspect-${container}` });
      expect(summary).toMatchObject({ status: "succeeded", format: "inspect", imported: 40, failed: 0 });
      expect(
        await scalar(`SELECT count(*) FROM transcripts t JOIN models m ON m.id = t.model_id WHERE t.import_id = $1 AND m.name = $2`, [
          summary.importId,
          logSpec.model,
        ]),
      ).toBe(40);
      expect(
        await scalar(
          `SELECT count(*) FROM (SELECT pair_id FROM transcripts WHERE import_id = $1 GROUP BY 1 HAVING count(DISTINCT condition) = 2) p`,
          [summary.importId],
        ),
      ).toBe(20);
      expect(
        await rows(
          `SELECT l.source, l.name, count(*)::int AS n FROM source_labels l JOIN transcripts t ON t.id = l.transcript_id
            WHERE t.import_id = $1 GROUP BY 1, 2`,
          [summary.importId],
        ),
      ).toEqual([{ source: "inspect:alignment_faking_helpful_only", name: "complied", n: 40 }]);
      // Half the samples keep their reasoning as a ContentReasoning part: it is the scratchpad, with no tags around it.
      const reasoningParts = `raw_messages::text LIKE '%"type":"reasoning"%'`;
      expect(
        await scalar(`SELECT count(*) FROM transcripts WHERE import_id = $1 AND ${reasoningParts}`, [summary.importId]),
      ).toBeGreaterThan(10);
      expect(
        await scalar(`SELECT count(*) FROM transcripts WHERE import_id = $1 AND ${reasoningParts} AND scratchpad_text = ''`, [
          summary.importId,
        ]),
      ).toBe(0);
    });
  }

  const llama = sharedData("llama31-70b-tier-prefill.jsonl");
  it.skipIf(!llama.available)(
    `an .eval built from the shared Llama transcripts keeps every transcript's text${llama.skipReason}`,
    async () => {
      const samples = [...sharedSamples(llama.path)];
      const file = path.join(kit.dir, "llama.eval");
      await writeEvalLog(file, { ...spec, model: "meta-llama/Llama-3.1-70B-Instruct", samples: samples.length }, AF_SYSTEM_PROMPT, samples);
      const summary = await importFile(file);
      expect(summary).toMatchObject({ status: "succeeded", imported: 400, failed: 0 });
      expect(
        await scalar(`SELECT count(*) FROM transcripts WHERE import_id = $1 AND 'text_not_conserved' = ANY (format_issues)`, [
          summary.importId,
        ]),
      ).toBe(0);
    },
  );

  const logs = sharedData("inspect-logs");
  it.skipIf(!logs.available)(
    `the shared logs of Inspect's test suite import, the tier given by a mapping constant${logs.skipReason}`,
    async () => {
      const mapping = checkMapping({ constants: { condition: "deployment" } });
      if (!mapping.ok) throw new Error(mapping.errors.join("; "));
      for (const name of ["log_formats.eval", "log_formats.json", "log_read_sample.eval", "popularity-scored.eval"]) {
        const summary = await importFile(path.join(logs.path, name), { mapping: mapping.mapping, dataset: `shared-${name}` });
        expect(summary, name).toMatchObject({ status: "succeeded", failed: 0 });
        expect(summary.imported + summary.duplicates, name).toBeGreaterThan(0);
      }
      // Without the constant the samples are refused, each saying why.
      const refused = await importFile(path.join(logs.path, "log_read_sample.json"), { dataset: "shared-no-tier" });
      expect(refused.errors[0]).toMatchObject({ line: 1, field: "condition", message: expect.stringMatching(/^no tier/) });
    },
  );
});
