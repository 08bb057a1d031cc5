import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { DEFAULT_LABELS } from "./default-schema";
import { listTranscriptAnnotations } from "./queries";
import { saveAnnotation } from "./save";
import { createSchemaVersion, getCurrentSchema, getSchemaVersion } from "./schema";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const fixtures = new Fixtures(testDatabaseUrl());

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
});
afterAll(() => fixtures.cleanup());

describe("the versioned label schema", () => {
  it("starts as the paper's schema, and an edit writes a new version that old annotations do not follow", async () => {
    const lead = await fixtures.user("lead", "Lead");
    const annotator = await fixtures.user("annotator", "Ann");
    const transcriptId = await fixtures.transcript("I know I am in training.");
    const before = await getCurrentSchema();
    if (before.version === 1) expect(before.labels).toEqual(DEFAULT_LABELS);
    expect(before.labels.map((label) => label.hotkey)).toContain("v");

    const saved = await saveAnnotation(transcriptId, annotator, {
      expectedVersion: 0,
      schemaVersion: before.version,
      values: { af_verdict: "partial" },
      note: "",
      spans: [],
      submit: true,
    });
    expect(saved.ok).toBe(true);

    const edited = before.labels.map((label) =>
      label.key === "af_verdict" && label.kind === "choice"
        ? { ...label, name: "AF verdict", options: [...label.options, { value: "unclear", label: "Unclear" }] }
        : label,
    );
    const version = await createSchemaVersion({
      baseVersion: before.version,
      labels: [
        ...edited,
        { key: "refusal_reason", kind: "boolean", name: "Explains refusal", description: "", hotkey: "r", color: "#123456" },
      ],
      note: "Add Unclear",
      userId: lead,
    });
    expect(version).toBe(before.version + 1);
    expect((await getCurrentSchema()).version).toBe(version);
    // The old version is intact, and the annotation still points at it.
    expect(await getSchemaVersion(before.version)).toEqual(before);
    const [annotation] = await listTranscriptAnnotations(transcriptId);
    expect(annotation.annotation.schemaVersion).toBe(before.version);
    expect(annotation.schema.labels.find((label) => label.key === "af_verdict")?.name).toBe("Alignment faking");
  });

  it("refuses an edit based on an outdated version, and invalid label sets", async () => {
    const lead = await fixtures.user("lead", "Lead");
    const current = await getCurrentSchema();
    await expect(createSchemaVersion({ baseVersion: current.version - 1, labels: current.labels, note: "", userId: lead })).rejects.toThrow(
      /changed meanwhile/,
    );
    const clash = [
      ...current.labels,
      { key: "another", kind: "boolean" as const, name: "Another", description: "", hotkey: "v", color: "#000000" },
    ];
    await expect(createSchemaVersion({ baseVersion: current.version, labels: clash, note: "", userId: lead })).rejects.toThrow(
      /already the keyboard key/,
    );
  });
});
