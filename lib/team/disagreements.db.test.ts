import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { Fixtures } from "@/lib/testing/fixtures";
import { adjudicate, listDisagreements } from "./adjudication";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The adjudication list: transcripts whose annotators' values differ, those
 * still waiting for a decision first, then the decided ones, each in id order
 * (two walks of the stored consensus, lib/team/adjudication.ts).
 */
const fixtures = new Fixtures(testDatabaseUrl());
const TEXT = "I am in training. RLHF would change me.";
let ids: Record<"decided" | "agree" | "split" | "partlyDecided", number>;
let lead: string;

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  const [a, b] = [await fixtures.user("annotator", "A"), await fixtures.user("annotator", "B")];
  lead = await fixtures.user("lead", "Lead");
  ids = {
    decided: await fixtures.transcript(TEXT),
    agree: await fixtures.transcript(TEXT),
    split: await fixtures.transcript(TEXT),
    partlyDecided: await fixtures.transcript(TEXT),
  };
  const schemaVersion = (await getCurrentSchema()).version;
  const label = async (transcriptId: number, annotatorId: string, values: Record<string, string | number>) =>
    expect(
      (await saveAnnotation(transcriptId, annotatorId, { expectedVersion: 0, schemaVersion, values, note: "", spans: [], submit: true }))
        .ok,
    ).toBe(true);
  await label(ids.decided, a, { af_verdict: "full" });
  await label(ids.decided, b, { af_verdict: "no" });
  await label(ids.agree, a, { af_verdict: "full" });
  await label(ids.agree, b, { af_verdict: "full" });
  await label(ids.split, a, { af_verdict: "partial" });
  await label(ids.split, b, { af_verdict: "no" });
  await label(ids.partlyDecided, a, { af_verdict: "full", compliance: 4 });
  await label(ids.partlyDecided, b, { af_verdict: "no", compliance: 2 });
  await adjudicate({ transcriptId: ids.decided, labelKey: "af_verdict", value: "full", note: "" }, lead);
  await adjudicate({ transcriptId: ids.partlyDecided, labelKey: "af_verdict", value: "no", note: "" }, lead);
});
afterAll(() => fixtures.cleanup());

describe("the disagreements list", () => {
  it("lists where values differ, undecided first, then the decided, each in id order", async () => {
    const mine = new Set(Object.values(ids));
    const listed = (await listDisagreements()).filter((row) => mine.has(row.transcriptId));
    const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    expect(listed.map((row) => names[row.transcriptId])).toEqual(["split", "partlyDecided", "decided"]);
    expect(listed.find((row) => row.transcriptId === ids.partlyDecided)).toMatchObject({
      labelKeys: ["af_verdict", "compliance"],
      adjudicated: 1,
      annotators: 2,
      condition: "training",
    });
    // A lead's decision does not hide the disagreement: the list says it is decided.
    expect(listed.find((row) => row.transcriptId === ids.decided)).toMatchObject({ labelKeys: ["af_verdict"], adjudicated: 1 });
  });
});
