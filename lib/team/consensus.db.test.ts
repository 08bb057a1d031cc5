import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { saveAnnotation } from "@/lib/annotations/save";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { Fixtures } from "@/lib/testing/fixtures";
import { adjudicate } from "./adjudication";
import { consensusFilterSql, consensusForTranscripts, teamLabelsForTranscripts } from "./consensus";
import { parseConsensusFilter, type ConsensusCondition } from "./consensus-filter";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const fixtures = new Fixtures(testDatabaseUrl());
const TEXT = "I am in training. RLHF would change me.";
let a: string, b: string, c: string, lead: string;
let ids: Record<"agree" | "split" | "three" | "one" | "draft", number>;

async function label(
  transcriptId: number,
  annotator: string,
  values: Record<string, string | number | boolean>,
  options: { submit?: boolean; evidence?: boolean } = {},
) {
  const spans = options.evidence ? [{ labelKey: "criterion_a", start: 0, end: 16, text: "I am in training" }] : [];
  const schemaVersion = (await getCurrentSchema()).version;
  const outcome = await saveAnnotation(transcriptId, annotator, {
    expectedVersion: 0,
    schemaVersion,
    values,
    note: "",
    spans,
    submit: options.submit ?? true,
  });
  expect(outcome.ok).toBe(true);
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  [a, b, c, lead] = [
    await fixtures.user("annotator", "A"),
    await fixtures.user("annotator", "B"),
    await fixtures.user("annotator", "C"),
    await fixtures.user("lead", "Lead"),
  ];
  ids = {
    agree: await fixtures.transcript(TEXT),
    split: await fixtures.transcript(TEXT),
    three: await fixtures.transcript(TEXT),
    one: await fixtures.transcript(TEXT),
    draft: await fixtures.transcript(TEXT),
  };
  await label(ids.agree, a, { af_verdict: "full", compliance: 4 }, { evidence: true });
  await label(ids.agree, b, { af_verdict: "full", compliance: 3 });
  await label(ids.split, a, { af_verdict: "no" });
  await label(ids.split, b, { af_verdict: "full" });
  await label(ids.three, a, { af_verdict: "full" });
  await label(ids.three, b, { af_verdict: "full" });
  await label(ids.three, c, { af_verdict: "no" });
  await label(ids.one, a, { af_verdict: "partial" });
  await label(ids.draft, a, { af_verdict: "full" }, { submit: false });
});
afterAll(() => fixtures.cleanup());

const verdict = async (id: number) => (await consensusForTranscripts([id])).get(id)?.find((label) => label.labelKey === "af_verdict");

async function kept(conditions: ConsensusCondition[]): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: number }[]>(
    Prisma.sql`SELECT t.id FROM transcripts t WHERE t.id IN (${Prisma.join(Object.values(ids))}) AND ${consensusFilterSql(conditions)} ORDER BY t.id`,
  );
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return rows.map((row) => names[row.id]);
}

describe("the consensus rule (function transcript_consensus_of, stored in the table transcript_consensus)", () => {
  it("unanimous, majority, single, undecided; drafts never vote", async () => {
    expect(await verdict(ids.agree)).toEqual({
      labelKey: "af_verdict",
      value: "full",
      method: "unanimous",
      annotators: 2,
      topVotes: 2,
      votes: { full: 2 },
    });
    expect(await verdict(ids.three)).toMatchObject({
      value: "full",
      method: "majority",
      annotators: 3,
      topVotes: 2,
      votes: { full: 2, no: 1 },
    });
    expect(await verdict(ids.one)).toMatchObject({ value: "partial", method: "single", annotators: 1 });
    expect(await verdict(ids.split)).toMatchObject({
      value: null,
      method: "undecided",
      annotators: 2,
      topVotes: 1,
      votes: { full: 1, no: 1 },
    });
    expect(await verdict(ids.draft)).toBeUndefined();
  });

  it("scales disagree like any value; a span label votes on having evidence", async () => {
    const labels = (await consensusForTranscripts([ids.agree])).get(ids.agree)!;
    expect(labels.find((l) => l.labelKey === "compliance")).toMatchObject({ value: null, method: "undecided", votes: { "3": 1, "4": 1 } });
    expect(labels.find((l) => l.labelKey === "criterion_a")).toMatchObject({
      value: null,
      method: "undecided",
      votes: { true: 1, false: 1 },
    });
    expect(labels.find((l) => l.labelKey === "criterion_b")).toMatchObject({ value: false, method: "unanimous", annotators: 2 });
  });

  it("an adjudication wins over the votes, and the table filter follows", async () => {
    expect(await kept([{ key: "af_verdict", value: "full" }])).toEqual(["agree", "three"]);
    expect(await kept([{ key: "af_verdict", method: "undecided" }])).toEqual(["split"]);
    await adjudicate({ transcriptId: ids.split, labelKey: "af_verdict", value: "full", note: "clear a-e" }, lead);
    expect(await verdict(ids.split)).toMatchObject({ value: "full", method: "adjudicated", votes: { full: 1, no: 1 } });
    expect(await kept([{ key: "af_verdict", value: "full" }])).toEqual(["agree", "split", "three"]);
    expect(
      await kept([
        { key: "af_verdict", value: "full" },
        { key: "af_verdict", method: "adjudicated" },
      ]),
    ).toEqual(["split"]);
    expect(await kept(parseConsensusFilter({ consensus: ["af_verdict:partial", "bad", "x:@nonsense"] }))).toEqual(["one"]);
  });

  it("adjudications are checked against the schema, can be cleared, and are audited", async () => {
    await expect(adjudicate({ transcriptId: ids.agree, labelKey: "af_verdict", value: "maybe", note: "" }, lead)).rejects.toThrow(
      /options/,
    );
    await expect(adjudicate({ transcriptId: ids.agree, labelKey: "compliance", value: "9", note: "" }, lead)).rejects.toThrow(/1-4/);
    await adjudicate({ transcriptId: ids.agree, labelKey: "criterion_a", value: "true", note: "" }, lead);
    expect((await consensusForTranscripts([ids.agree])).get(ids.agree)!.find((l) => l.labelKey === "criterion_a")).toMatchObject({
      value: true,
      method: "adjudicated",
    });
    await adjudicate({ transcriptId: ids.agree, labelKey: "criterion_a", value: "", note: "" }, lead);
    expect((await consensusForTranscripts([ids.agree])).get(ids.agree)!.find((l) => l.labelKey === "criterion_a")).toMatchObject({
      value: null,
      method: "undecided",
    });
    const { rows } = await fixtures.client.query<{ action: string; details: { labelKey: string; before: unknown; after: unknown } }>(
      `SELECT action::text, details FROM team_audit WHERE actor_id = $1 ORDER BY id`,
      [lead],
    );
    expect(rows.map((row) => [row.action, row.details.labelKey, row.details.before, row.details.after])).toEqual([
      ["adjudicate", "af_verdict", null, "full"],
      ["adjudicate", "criterion_a", null, true],
      ["adjudication_clear", "criterion_a", true, null],
    ]);
  });

  it("gives each annotator's submitted labels with the consensus, by ids or by a condition", async () => {
    const byCondition = await teamLabelsForTranscripts(Prisma.sql`t.id = ${ids.agree}`);
    const team = byCondition.get(ids.agree)!;
    expect(team.annotators.map((x) => [x.annotatorName, x.values.af_verdict, x.spans.length])).toEqual([
      ["A", "full", 1],
      ["B", "full", 0],
    ]);
    expect(team.consensus.map((x) => x.labelKey)).toContain("af_verdict");
    expect((await teamLabelsForTranscripts([ids.draft])).size).toBe(0);
  });
});
