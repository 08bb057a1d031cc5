import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { saveAnnotation } from "@/lib/annotations/save";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { adjudicate } from "@/lib/team/adjudication";
import { Fixtures } from "@/lib/testing/fixtures";
import { numericConsensusCountSql, numericConsensusIdsSql } from "./consensus-count";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * The chart filter's "Consensus (N transcripts)" count reads the stored
 * consensus (table transcript_consensus): here it answers as the rule computed
 * live (view transcript_consensus_live) does, transcript by transcript, over
 * every case of the consensus rule.
 */
const fixtures = new Fixtures(testDatabaseUrl());
const ids: Record<string, number> = {};

async function label(transcriptId: number, annotator: string, values: Record<string, string | number | boolean>, submit = true) {
  const outcome = await saveAnnotation(transcriptId, annotator, {
    expectedVersion: 0,
    schemaVersion: (await getCurrentSchema()).version,
    values,
    note: "",
    spans: [],
    submit,
  });
  expect(outcome.ok).toBe(true);
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  const [a, b, c, lead] = [
    await fixtures.user("annotator", "A"),
    await fixtures.user("annotator", "B"),
    await fixtures.user("annotator", "C"),
    await fixtures.user("lead", "Lead"),
  ];
  for (const name of ["agree", "split", "majority", "single", "draft", "verdictOnly", "adjudicatedSplit", "adjudicatedOver"]) {
    ids[name] = await fixtures.transcript("I am in training. RLHF would change me.");
  }
  await label(ids.agree, a, { compliance: 4 });
  await label(ids.agree, b, { compliance: 4 });
  await label(ids.split, a, { compliance: 3 });
  await label(ids.split, b, { compliance: 4 });
  await label(ids.majority, a, { compliance: 2 });
  await label(ids.majority, b, { compliance: 2 });
  await label(ids.majority, c, { compliance: 1 });
  await label(ids.single, a, { compliance: 1, af_verdict: "no" });
  await label(ids.draft, a, { compliance: 4 }, false);
  await label(ids.verdictOnly, a, { af_verdict: "full" });
  await label(ids.adjudicatedSplit, a, { compliance: 1 });
  await label(ids.adjudicatedSplit, b, { compliance: 4 });
  await adjudicate({ transcriptId: ids.adjudicatedSplit, labelKey: "compliance", value: "4", note: "" }, lead);
  await label(ids.adjudicatedOver, a, { compliance: 3 });
  await label(ids.adjudicatedOver, b, { compliance: 3 });
  await adjudicate({ transcriptId: ids.adjudicatedOver, labelKey: "compliance", value: "2", note: "" }, lead);
});
afterAll(() => fixtures.cleanup());

describe("numeric consensus from the stored table", () => {
  it("names the same transcripts as the live rule, and counts the same over the whole database", async () => {
    const mine = Object.values(ids);
    const fromView = await db().$queryRaw<{ id: number }[]>(
      Prisma.sql`SELECT transcript_id AS id FROM transcript_consensus_live
        WHERE label_key = 'compliance' AND jsonb_typeof(value) = 'number' AND transcript_id IN (${Prisma.join(mine)}) ORDER BY 1`,
    );
    const direct = await db().$queryRaw<{ id: number }[]>(
      Prisma.sql`SELECT transcript_id AS id FROM (${numericConsensusIdsSql("compliance")}) x WHERE transcript_id IN (${Prisma.join(mine)}) ORDER BY 1`,
    );
    const names = (rows: { id: number }[]) => rows.map((row) => Object.keys(ids).find((name) => ids[name] === row.id)).sort();
    expect(names(direct)).toEqual(["adjudicatedOver", "adjudicatedSplit", "agree", "majority", "single"]);
    expect(names(direct)).toEqual(names(fromView));

    const [viewCount] = await db().$queryRaw<{ n: number }[]>(
      Prisma.sql`SELECT count(*)::int AS n FROM transcript_consensus_live WHERE label_key = 'compliance' AND jsonb_typeof(value) = 'number'`,
    );
    const [count] = await db().$queryRaw<{ n: number }[]>(numericConsensusCountSql("compliance"));
    expect(count.n).toBe(viewCount.n);
  });
});
