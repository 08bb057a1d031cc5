import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { deleteAnnotation, saveAnnotation } from "@/lib/annotations/save";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { unsubmitAnnotation } from "@/lib/annotations/unsubmit";
import { Fixtures } from "@/lib/testing/fixtures";
import { adjudicate } from "./adjudication";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The table transcript_consensus is the consensus rule's answer stored, kept by
 * triggers on every table the rule reads, recomputed at the writing transaction's
 * commit (migrations 20261203660000, 20261204100000; the at-commit test is in
 * agreement/units-table.db.test.ts, as the mechanism serves both tables). It must
 * equal the live computation (view transcript_consensus_live) row for row after
 * ANY sequence of what the app writes: saves (draft or submitted, with or without
 * evidence), deletes, undo of a submit, a lead's decisions and their removal, and
 * bulk statements over several transcripts (an import, a cleanup), some of them
 * at once on the same transcript (two annotators submitting together).
 */
const fixtures = new Fixtures(testDatabaseUrl());
const TEXT = "I am in training. RLHF would change me.";
// A pool, so that writes started together run on their own connections, truly at once.
let client: pg.Pool;
let annotators: string[];
let lead: string;
let transcripts: number[];
let schemaVersion: number;

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  annotators = [await fixtures.user("annotator", "A"), await fixtures.user("annotator", "B"), await fixtures.user("annotator", "C")];
  lead = await fixtures.user("lead", "Lead");
  transcripts = [await fixtures.transcript(TEXT), await fixtures.transcript(TEXT), await fixtures.transcript(TEXT)];
  schemaVersion = (await getCurrentSchema()).version;
  client = new pg.Pool({ connectionString: testDatabaseUrl(), max: 4 });
});
afterAll(async () => {
  await client?.end();
  await fixtures.cleanup();
});

type Write =
  | { kind: "save"; t: number; who: number; verdict?: string; compliance?: number; evidence: boolean; submit: boolean }
  | { kind: "delete"; t: number; who: number }
  | { kind: "undo"; t: number; who: number }
  | { kind: "decide"; t: number; key: "af_verdict" | "compliance" | "criterion_a"; value: string }
  | { kind: "bulk_submit"; who: number }
  | { kind: "bulk_delete"; who: number };

const t = fc.nat({ max: 2 });
const who = fc.nat({ max: 2 });
const write: fc.Arbitrary<Write> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("save" as const),
      t,
      who,
      verdict: fc.option(fc.constantFrom("no", "partial", "full"), { nil: undefined }),
      compliance: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      evidence: fc.boolean(),
      submit: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), t, who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("undo" as const), t, who }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("decide" as const),
      t,
      key: fc.constantFrom("af_verdict" as const, "compliance" as const, "criterion_a" as const),
      // "" clears the decision.
      value: fc.constantFrom("", "no", "full", "2", "4", "true", "false"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bulk_submit" as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("bulk_delete" as const), who }) },
);

async function versionOf(transcriptId: number, annotatorId: string): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    "SELECT version FROM annotations WHERE transcript_id = $1 AND annotator_id = $2",
    [transcriptId, annotatorId],
  );
  return rows[0]?.version ?? 0;
}

// Outcomes (a conflict when two writes race on one annotation, a decision that does
// not fit its label) are not the point: whatever got written, the table must follow.
async function apply(step: Write): Promise<void> {
  switch (step.kind) {
    case "save": {
      const values: Record<string, string | number> = {};
      if (step.verdict) values.af_verdict = step.verdict;
      if (step.compliance) values.compliance = step.compliance;
      await saveAnnotation(transcripts[step.t], annotators[step.who], {
        expectedVersion: await versionOf(transcripts[step.t], annotators[step.who]),
        schemaVersion,
        values,
        note: "",
        spans: step.evidence ? [{ labelKey: "criterion_a", start: 0, end: 16, text: "I am in training" }] : [],
        submit: step.submit,
      });
      return;
    }
    case "delete":
      await deleteAnnotation(transcripts[step.t], annotators[step.who], await versionOf(transcripts[step.t], annotators[step.who]));
      return;
    case "undo":
      await unsubmitAnnotation(transcripts[step.t], annotators[step.who]);
      return;
    case "decide":
      await adjudicate({ transcriptId: transcripts[step.t], labelKey: step.key, value: step.value, note: "" }, lead).catch(() => {});
      return;
    case "bulk_submit":
      await client.query(
        "UPDATE annotations SET submitted_at = now() WHERE annotator_id = $1 AND transcript_id = ANY($2) AND submitted_at IS NULL",
        [annotators[step.who], transcripts],
      );
      return;
    case "bulk_delete":
      await client.query("DELETE FROM annotations WHERE annotator_id = $1 AND transcript_id = ANY($2)", [
        annotators[step.who],
        transcripts,
      ]);
      return;
  }
}

const COLUMNS = "transcript_id, label_key, value, method, annotators, top_votes, votes";
async function rowsOf(relation: "transcript_consensus" | "transcript_consensus_live") {
  const { rows } = await client.query(
    `SELECT ${COLUMNS} FROM ${relation} WHERE transcript_id = ANY($1) ORDER BY transcript_id, label_key`,
    [transcripts],
  );
  return rows;
}

describe("transcript_consensus (the table kept by the write path)", () => {
  it("equals the live computation row for row after random writes, deletes, undos and decisions, some at once", async () => {
    // Each step is one to three writes started together: the triggers' row locks must
    // keep two annotators who submit at the same moment from storing a consensus
    // that misses one of their votes.
    const steps = fc.array(fc.array(write, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        for (const together of sequence) await Promise.all(together.map(apply));
        const stored = await rowsOf("transcript_consensus");
        expect(stored).toEqual(await rowsOf("transcript_consensus_live"));
        // The adjudication list's test for "the annotators' values differ" (lib/team/adjudication.ts).
        for (const row of stored) expect(row.top_votes < row.annotators).toBe(Object.keys(row.votes).length > 1);
      }),
      { numRuns: 12 },
    );
    // Not vacuous: the runs left labels to compare.
    expect((await rowsOf("transcript_consensus_live")).length).toBeGreaterThan(0);
  });

  it("follows a transcript's deletion (its annotations and decisions cascade away)", async () => {
    const gone = await fixtures.transcript(TEXT);
    await saveAnnotation(gone, annotators[0], {
      expectedVersion: 0,
      schemaVersion,
      values: { af_verdict: "full" },
      note: "",
      spans: [],
      submit: true,
    });
    await adjudicate({ transcriptId: gone, labelKey: "af_verdict", value: "no", note: "" }, lead);
    const count = async () =>
      Number((await client.query("SELECT count(*) AS n FROM transcript_consensus WHERE transcript_id = $1", [gone])).rows[0].n);
    expect(await count()).toBeGreaterThan(0);
    await client.query("DELETE FROM annotation_audit WHERE transcript_id = $1", [gone]);
    await client.query("DELETE FROM team_audit WHERE transcript_id = $1", [gone]);
    await client.query("DELETE FROM transcripts WHERE id = $1", [gone]);
    expect(await count()).toBe(0);
  });
});
