import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { sharedData } from "@/lib/testing/shared-data";
import { FIELD_ALIASES } from "./fields";
import { parseMapping } from "./mapping";
import { IMPORT_SCHEMA_FILES, buildRecordJsonSchema } from "./record-json-schema";

const root = path.resolve(import.meta.dirname, "../..");
const sharedFiles = ["llama31-70b-tier-prefill.jsonl", "claude3-opus-paper-figures.jsonl"].map((file) => sharedData(file));

describe("the published JSON Schemas", () => {
  it.each(Object.keys(IMPORT_SCHEMA_FILES))("%s is up to date (npm run docs:schema)", (file) => {
    expect(JSON.parse(readFileSync(path.join(root, file), "utf8"))).toEqual(IMPORT_SCHEMA_FILES[file]());
  });

  for (const file of sharedFiles)
    it.skipIf(!file.available)(`accept every record of ${path.basename(file.path)}${file.skipReason}`, () => {
      const validRecord = new Ajv2020({ strict: false }).compile(buildRecordJsonSchema());
      for (const line of readFileSync(file.path, "utf8").split("\n").filter(Boolean)) {
        expect(validRecord(JSON.parse(line)), JSON.stringify(validRecord.errors)).toBe(true);
      }
    });

  it("accept the shipped mapping, and reject what the importer rejects", () => {
    const ajv = new Ajv2020({ strict: false });
    const validRecord = ajv.compile(buildRecordJsonSchema());
    expect(validRecord({ prompt: "q", completion: "a", tier: "free", "label.complied": true })).toBe(true);
    expect(validRecord({ model: "m", tier: "free" })).toBe(false); // no conversation
    expect(validRecord({ messages: "hello" })).toBe(false);

    const mappingText = readFileSync(path.join(root, "docs/import/mappings/aristo240-results-scored.json"), "utf8");
    const validMapping = ajv.compile(JSON.parse(readFileSync(path.join(root, "docs/import/mapping.schema.json"), "utf8")));
    expect(validMapping(JSON.parse(mappingText)), JSON.stringify(validMapping.errors)).toBe(true);
    expect(parseMapping(mappingText).ok).toBe(true);
    expect(validMapping({ fields: { tier: "x" } })).toBe(false);
  });

  it("docs/importing.md names every alias the importer reads", () => {
    const doc = readFileSync(path.join(root, "docs/importing.md"), "utf8");
    for (const alias of Object.values(FIELD_ALIASES).flat()) expect(doc, alias).toContain(`\`${alias}\``);
  });
});
