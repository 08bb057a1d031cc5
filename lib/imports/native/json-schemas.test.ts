import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { sharedData } from "@/lib/testing/shared-data";
import { anthropicRecord, openAiChatRecord, openAiResponsesRecord, type AfSample } from "../testing/api-records";
import { inspectSampleJson } from "../testing/inspect-logs";
import { demoSamples } from "../testing/inspect-samples";
import { anthropicMessagesSchema, inspectSampleSchema, openAiChatSchema, openAiResponsesSchema } from "./json-schemas";

/** A fresh validator per schema: each has its own $id. */
const ajv = { compile: (schema: object) => new Ajv2020({ strict: false }).compile(schema) };
const sample: AfSample = { id: "s", system: "sys", user: "u", reasoning: "r", answer: "a", model: "m" };

describe("the published schemas of the API and log shapes", () => {
  it("accept the records the tests build, and each refuses the others' shape", () => {
    const cases = [
      [anthropicMessagesSchema(), anthropicRecord(sample)],
      [openAiChatSchema(), openAiChatRecord(sample)],
      [openAiResponsesSchema(), openAiResponsesRecord(sample)],
    ] as const;
    for (const [schema, record] of cases) {
      const valid = ajv.compile(schema);
      expect(valid(record), JSON.stringify(valid.errors)).toBe(true);
    }
    expect(ajv.compile(anthropicMessagesSchema())(openAiResponsesRecord(sample))).toBe(false);
    expect(ajv.compile(openAiResponsesSchema())(anthropicRecord(sample))).toBe(false);
  });

  const logs = sharedData("inspect-logs/log_read_sample.json");
  it.skipIf(!logs.available)(`the Inspect sample schema accepts the shared log's samples and ours${logs.skipReason}`, () => {
    const valid = ajv.compile(inspectSampleSchema());
    for (const s of JSON.parse(readFileSync(logs.path, "utf8")).samples) expect(valid(s), JSON.stringify(valid.errors)).toBe(true);
    for (const s of demoSamples(4)) expect(valid(inspectSampleJson(s, "m")), JSON.stringify(valid.errors)).toBe(true);
    expect(path.basename(logs.path)).toBe("log_read_sample.json");
  });
});
