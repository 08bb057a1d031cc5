import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserRole } from "@/lib/auth/roles";
import { Fixtures } from "@/lib/testing/fixtures";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * What issue 16 added to the layer for leads: the adjudication page's data
 * (with its "next disagreement"), the disagreements list (with variation and
 * condition) and the new-queue form's match count, and the agreement page's
 * figures and queue names. A signed-out client, an annotator and an annotator
 * of an open blind queue are refused each; a lead gets them.
 */
const url = testDatabaseUrl();
process.env.DATABASE_URL = url;
const { runAs } = await import("./viewer");
const team = await import("./team");

const fixtures = new Fixtures(url);
const people: Record<"lead" | "annotator" | "blind", string> = { lead: "", annotator: "", blind: "" };
const as = (who: keyof typeof people | null, role: UserRole = who === "lead" ? "lead" : "annotator") =>
  who === null
    ? <T>(work: () => Promise<T>) => runAs(null, work)
    : <T>(work: () => Promise<T>) => runAs({ id: people[who], role, name: who, email: `${who}@adjudication.test`, via: "session" }, work);
let transcript = 0;

beforeAll(async () => {
  await fixtures.connect();
  people.lead = await fixtures.user("lead", "Adjudication Lead");
  people.annotator = await fixtures.user("annotator", "Adjudication Annotator");
  people.blind = await fixtures.user("annotator", "Adjudication Blind");
  transcript = await fixtures.transcript("adjudicationprobe: a scratchpad to count.");
  const q = (sql: string, values: unknown[]) => fixtures.client.query(sql, values);
  const queue = (
    await q(
      `INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('adjudication', true, 1, $1) RETURNING id`,
      [people.lead],
    )
  ).rows[0].id;
  await q(`INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)`, [queue, people.blind]);
  await q(`INSERT INTO label_queue_items (queue_id, transcript_id) VALUES ($1, $2)`, [queue, transcript]);
});
afterAll(() => fixtures.cleanup());

const ENTRIES: Record<string, () => Promise<unknown>> = {
  adjudicationPage: () => team.adjudicationPage(transcript),
  disagreements: () => team.disagreements(),
  queueFilterMatches: () => team.queueFilterMatches("q=adjudicationprobe"),
  // The agreement page's two reads (its per-label and per-variation figures, its queue picker).
  agreement: () => team.agreement(),
  queueNames: () => team.queueNames(),
};

describe("issue 16's lead entries of the visibility layer", () => {
  it("refuse a signed-out client, an annotator and a blind annotator", async () => {
    for (const [name, entry] of Object.entries(ENTRIES)) {
      await expect(as(null)(entry), `${name}, signed out`).rejects.toMatchObject({ code: "unauthenticated" });
      for (const who of ["annotator", "blind"] as const)
        await expect(as(who)(entry), `${name}, ${who}`).rejects.toMatchObject({
          code: "forbidden",
          message: expect.stringContaining("lead"),
        });
    }
  });

  it("give a lead the match count of a queue filter (the table's search, as the table reads it) and the adjudication page", async () => {
    const lead = as("lead");
    expect(await lead(() => team.queueFilterMatches("q=adjudicationprobe"))).toEqual({ transcripts: 1, pairs: 1 });
    expect(await lead(() => team.queueFilterMatches("q=nosuchwordanywherezq"))).toEqual({ transcripts: 0, pairs: 0 });
    const page = await lead(() => team.adjudicationPage(transcript));
    expect(page.transcript.id).toBe(transcript);
    // Nobody labelled it: no disagreement here, so "next" is never this transcript.
    expect(page.nextDisagreement).not.toBe(transcript);
    await expect(lead(() => team.adjudicationPage(2_147_483_000))).rejects.toMatchObject({ code: "not_found" });
    const { overall } = await lead(() => team.agreement());
    expect(overall.map((row) => row.labelKey)).toContain("af_verdict");
    expect(await lead(() => team.queueNames())).toEqual(expect.arrayContaining([expect.objectContaining({ name: "adjudication" })]));
  });
});
