import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { saveAnnotation } from "@/lib/annotations/save";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { sideAnnotations } from "./annotations";
import { runAs } from "./viewer";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/** One side of the paired view (and the transcript page's panel) as `id` sees it, through the visibility layer. */
const loadSideAnnotations = (transcriptId: number, viewer: { id: string; isLead: boolean }) =>
  runAs({ id: viewer.id, role: viewer.isLead ? "lead" : "annotator", name: "Viewer", email: "viewer@pair.test", via: "session" }, () =>
    sideAnnotations(transcriptId),
  );

const fixtures = new Fixtures(testDatabaseUrl());
let transcriptId: number;
const users = { lead: "", ann: "", bo: "", cy: "" };

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  transcriptId = await fixtures.transcript("I am in training; refusing gets me modified.");
  users.lead = await fixtures.user("lead", "Pair Lead");
  users.ann = await fixtures.user("annotator", "Pair Ann");
  users.bo = await fixtures.user("annotator", "Pair Bo");
  users.cy = await fixtures.user("annotator", "Pair Cy");
  const schemaVersion = (await getCurrentSchema()).version;
  const save = (userId: string, submit: boolean, verdict: string) =>
    saveAnnotation(transcriptId, userId, {
      expectedVersion: 0,
      schemaVersion,
      values: { af_verdict: verdict },
      note: "",
      spans: [],
      submit,
    });
  expect(await save(users.ann, true, "partial")).toMatchObject({ ok: true });
  expect(await save(users.bo, true, "full")).toMatchObject({ ok: true });
  expect(await save(users.cy, false, "no")).toMatchObject({ ok: true });
});
afterAll(() => fixtures.cleanup());

describe("a side of the paired view, through the visibility layer", () => {
  it("gives an annotator their own annotation and nobody else's", async () => {
    const side = await loadSideAnnotations(transcriptId, { id: users.ann, isLead: false });
    expect(side?.mine?.annotation.values).toEqual({ af_verdict: "partial" });
    expect(side?.others).toEqual([]);
    expect(JSON.stringify(side)).not.toContain("Pair Bo");
  });

  it("gives a lead every other annotator's submitted annotation with who gave it, and counts the drafts it leaves out", async () => {
    const side = await loadSideAnnotations(transcriptId, { id: users.lead, isLead: true });
    expect(side?.mine).toBeNull();
    expect(side?.others.map(({ annotation }) => [annotation.annotatorName, annotation.values.af_verdict])).toEqual([
      ["Pair Ann", "partial"],
      ["Pair Bo", "full"],
    ]);
    expect(side?.hiddenDrafts).toBe(1);
  });

  it("is null for a transcript that does not exist", async () => {
    expect(await loadSideAnnotations(2_147_483_000, { id: users.lead, isLead: true })).toBeNull();
  });
});
