import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Fixtures } from "@/lib/testing/fixtures";
import { parseListState } from "@/lib/transcripts/list-state";
import type { Viewer } from "./viewer";
import { testDatabaseUrl } from "@/lib/testing/database-url";

process.env.DATABASE_URL = testDatabaseUrl();
const { isBlindHeld } = await import("./holds");
const { runAs } = await import("./viewer");
const { transcriptTable } = await import("./transcripts");
const { getCurrentSchema } = await import("@/lib/annotations/schema");

const fixtures = new Fixtures(testDatabaseUrl());
let annotator: string;
let lead: string;
let held: number;
let free: number;
let queue: number;
let dataset: number;

beforeAll(async () => {
  await fixtures.connect();
  annotator = await fixtures.user("annotator", "Blind Annotator");
  lead = await fixtures.user("lead", "Lead");
  held = await fixtures.transcript("I think this is training.");
  free = await fixtures.transcript("Nothing to hide here.");
  const q = (sql: string, params: unknown[]) => fixtures.client.query(sql, params);
  dataset = (await q("SELECT dataset_id FROM transcripts WHERE id = $1", [held])).rows[0].dataset_id;
  queue = (
    await q("INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ('blind', true, 2, $1) RETURNING id", [lead])
  ).rows[0].id;
  await q("INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)", [queue, annotator]);
  await q("INSERT INTO label_queue_items (queue_id, transcript_id) VALUES ($1, $2)", [queue, held]);
});
afterAll(() => fixtures.cleanup());

const as = (id: string, role: "annotator" | "lead"): Viewer => ({ id, role, name: role, email: `${id}@holds.test`, via: "session" });
/** The transcripts table of the fixture dataset, through the visibility layer, as `viewer` sees it. */
async function visible(viewer: Viewer) {
  const { page, counts } = await runAs(viewer, () => transcriptTable(parseListState({ dataset: String(dataset) })));
  return { ids: page.rows.map((row) => row.id), total: (await counts).total };
}
const held_ = (target: { transcriptId: number }, viewer: Viewer) => runAs(viewer, () => isBlindHeld(target, viewer));

describe("blind mode outside the queue", () => {
  it("hides a blind queue's transcripts from its annotators until they labelled them; leads and others see them", async () => {
    expect(await visible(as(annotator, "annotator"))).toEqual({ ids: [free], total: 1 });
    expect(await held_({ transcriptId: held }, as(annotator, "annotator"))).toBe(true);
    expect(await held_({ transcriptId: free }, as(annotator, "annotator"))).toBe(false);
    expect((await visible(as(lead, "lead"))).ids).toEqual([held, free]);
    expect(await held_({ transcriptId: held }, as(lead, "lead"))).toBe(false);

    // Submitted: the annotator may now see where it came from.
    await fixtures.client.query(
      `INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at)
       VALUES ($1, $2, $3, '{}', now())`,
      [held, annotator, (await getCurrentSchema()).version],
    );
    expect(await visible(as(annotator, "annotator"))).toEqual({ ids: [held, free], total: 2 });
    expect(await held_({ transcriptId: held }, as(annotator, "annotator"))).toBe(false);
  });

  it("lets go when the queue is closed", async () => {
    await fixtures.client.query("DELETE FROM annotations WHERE annotator_id = $1", [annotator]);
    expect(await held_({ transcriptId: held }, as(annotator, "annotator"))).toBe(true);
    await fixtures.client.query("UPDATE label_queues SET closed_at = now() WHERE id = $1", [queue]);
    expect(await held_({ transcriptId: held }, as(annotator, "annotator"))).toBe(false);
  });
});
