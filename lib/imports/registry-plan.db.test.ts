import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DATASET } from "@/lib/demo/seed";
import { emptyNames, planRegistry } from "./registry-plan";
import { runImport } from "./run-import";
import { importTestKit, nativeConversation } from "./test-support";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
const kit = importTestKit(url);
const line = (record: unknown) => JSON.stringify(record) + "\n";
const records = (setting: string, model: string, query: string) =>
  line({ setting, variation: "default", model, transcript: nativeConversation(true, query) }) +
  line({ setting, variation: "default", model, transcript: nativeConversation(false, query) });

beforeAll(async () => {
  process.env.DATABASE_URL = url; // the plan reads through the app's Prisma client
  await kit.start();
  // Stands in for the generated demo corpus: transcripts of the demo dataset.
  await runImport(url, {
    filePath: kit.file("demo.jsonl", records("helpful-only", "claude-3-opus", "demo query")),
    dataset: DEMO_DATASET,
    createdBy: "test",
  });
});
afterAll(() => kit.stop());

describe("what a file will create and join", () => {
  it("says which settings, variations, models and datasets exist, with their transcripts and demo transcripts", async () => {
    const names = emptyNames();
    names.settings.add("Helpful-only").add("new setting");
    names.variations.add("Helpful-only\u0000default").add("new setting\u0000default");
    names.models.add("claude-3-opus").add("brand-new-model");
    const plan = await planRegistry(names, "my-run");
    expect(plan).toEqual([
      { kind: "setting", name: "Helpful-only", exists: true, transcripts: 2, demoTranscripts: 2 },
      { kind: "setting", name: "new setting", exists: false, transcripts: 0, demoTranscripts: 0 },
      { kind: "variation", name: "default", setting: "Helpful-only", exists: true, transcripts: 2, demoTranscripts: 2 },
      { kind: "variation", name: "default", setting: "new setting", exists: false, transcripts: 0, demoTranscripts: 0 },
      { kind: "model", name: "claude-3-opus", exists: true, transcripts: 2, demoTranscripts: 2 },
      { kind: "model", name: "brand-new-model", exists: false, transcripts: 0, demoTranscripts: 0 },
      { kind: "dataset", name: "my-run", exists: false, transcripts: 0, demoTranscripts: 0 },
    ]);
  });

  it("keeps a setting and a model apart when asked, instead of joining the demo's", async () => {
    const file = kit.file("real.jsonl", records("helpful-only", "claude-3-opus", "real query"));
    const summary = await runImport(url, {
      filePath: file,
      dataset: "real-run",
      createdBy: "test",
      keepApart: { settings: ["helpful-only"], models: ["claude-3-opus"] },
    });
    expect(summary).toMatchObject({ status: "succeeded", imported: 2 });
    expect(
      await kit.rows(
        `SELECT DISTINCT s.name AS setting, m.name AS model FROM transcripts t JOIN settings s ON s.id = t.setting_id JOIN models m ON m.id = t.model_id WHERE t.import_id = $1`,
        [summary.importId],
      ),
    ).toEqual([{ setting: "helpful-only (real-run)", model: "claude-3-opus (real-run)" }]);
    expect(summary.notices).toContain(
      'Kept apart from the existing setting "helpful-only", as you chose: stored with " (real-run)" after its name.',
    );
  });
});
