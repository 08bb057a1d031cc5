import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { Fixtures } from "@/lib/testing/fixtures";
import { createQueue } from "@/lib/team/queues/create";
import { annotatorHome } from "./home";
import { claimNextItem, queueItemPage, queuesOverview, undoLastSubmit } from "./team";
import { runAs, type Viewer } from "./viewer";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * A queue as its annotator lives it, through the visibility layer on real
 * PostgreSQL: "n of N", their history, the finished state, the undo of the
 * last submit (their own, audited, refused to anyone outside the queue), and
 * the home page (their own labels only; held transcripts never listed).
 */
const fixtures = new Fixtures(testDatabaseUrl());
let lead: string;
let annotator: Viewer;
let outsider: Viewer;
let queueId: number;

const viewer = (id: string, name: string): Viewer => ({ id, name, email: `${name}@place.test`, role: "annotator", via: "session" });

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  lead = await fixtures.user("lead", "Lead");
  annotator = viewer(await fixtures.user("annotator", "Placed"), "placed");
  outsider = viewer(await fixtures.user("annotator", "Outsider"), "outsider");
  const transcripts: number[] = [];
  for (let i = 0; i < 3; i++) transcripts.push(await fixtures.transcript(`Scratchpad ${i}: I am in training, place test.`));
  const { rows } = await fixtures.client.query<{ dataset_id: number }>(`SELECT dataset_id FROM transcripts WHERE id = $1`, [
    transcripts[0],
  ]);
  ({ id: queueId } = await createQueue(
    {
      name: "Place",
      description: "",
      filter: `dataset=${rows[0].dataset_id}`,
      size: 3,
      sample: "first",
      pairs: false,
      annotatorsPerItem: 1,
      blind: true,
      hideSuggestions: false,
      annotatorIds: [annotator.id],
    },
    lead,
  ));
});
afterAll(() => fixtures.cleanup());

async function submitCurrent(itemId: number) {
  const found = await runAs(annotator, () => queueItemPage(queueId, itemId));
  if (found.kind !== "item") throw new Error("expected the item page");
  const schema = await getCurrentSchema();
  const outcome = await saveAnnotation(found.item.transcriptId, annotator.id, {
    expectedVersion: found.annotation.mine?.annotation.version ?? 0,
    schemaVersion: schema.version,
    values: { af_verdict: "full" },
    note: "",
    spans: [],
    submit: true,
  });
  expect(outcome.ok).toBe(true);
}

describe("an annotator's place in a queue", () => {
  it("counts n of N over their items, walks their history, undoes the last submit with an audit row, and ends finished", async () => {
    const first = (await runAs(annotator, () => claimNextItem(queueId))).next!.itemId;
    let page = await runAs(annotator, () => queueItemPage(queueId, first));
    if (page.kind !== "item") throw new Error("expected the item page");
    expect(page.step).toEqual({ position: 1, previous: null, next: null });
    expect(page.place).toMatchObject({ total: 3, done: 0, open: 2, finished: false });

    await submitCurrent(first);
    const second = (await runAs(annotator, () => claimNextItem(queueId))).next!.itemId;
    page = await runAs(annotator, () => queueItemPage(queueId, second));
    if (page.kind !== "item") throw new Error("expected the item page");
    expect(page.step).toEqual({ position: 2, previous: first, next: null });
    expect(page.place).toMatchObject({ total: 3, done: 1 });

    // Someone outside the queue cannot undo anything in it.
    await expect(runAs(outsider, () => undoLastSubmit(queueId))).rejects.toMatchObject({ code: "forbidden" });
    // The undo takes back the first item's submit: a draft again, audited as such.
    await expect(runAs(annotator, () => undoLastSubmit(queueId))).resolves.toEqual({ itemId: first });
    const { rows } = await fixtures.client.query<{
      submitted_at: Date | null;
      before: { submitted: boolean };
      after: { submitted: boolean };
    }>(
      `SELECT a.submitted_at, au.before, au.after FROM annotations a JOIN annotation_audit au ON au.annotation_id = a.id
       JOIN label_queue_items i ON i.transcript_id = a.transcript_id WHERE i.id = $1 AND a.annotator_id = $2 ORDER BY au.id DESC LIMIT 1`,
      [first, annotator.id],
    );
    expect(rows[0].submitted_at).toBeNull();
    expect(rows[0].before.submitted).toBe(true);
    expect(rows[0].after.submitted).toBe(false);
    // Nothing submitted now: nothing to undo.
    await expect(runAs(annotator, () => undoLastSubmit(queueId))).rejects.toMatchObject({ code: "invalid_request" });
    // "My next item" resumes the undone one first.
    expect((await runAs(annotator, () => claimNextItem(queueId))).next).toEqual({ itemId: first, resumed: true });

    for (const item of [first, second]) await submitCurrent(item);
    const third = (await runAs(annotator, () => claimNextItem(queueId))).next!.itemId;
    await submitCurrent(third);
    const overview = await runAs(annotator, () => queuesOverview());
    const mine = overview.queues.find((entry) => entry.queue.id === queueId)!.mine!;
    expect(mine.place).toMatchObject({ total: 3, done: 3, open: 0, finished: true });
    expect((await runAs(annotator, () => claimNextItem(queueId))).next).toBeNull();
  });

  it("home lists only the viewer's own labels, and never a transcript held blind from them", async () => {
    const home = await runAs(annotator, () => annotatorHome());
    expect(home.recent.filter((label) => label.submitted)).toHaveLength(3);
    expect(home.start).toBeNull();
    // The outsider has no labels; a draft in a blind queue they are in is held: not listed.
    const other = await runAs(outsider, () => annotatorHome());
    expect(other.recent).toEqual([]);
    expect(other.queues).toEqual([]);
  });
});
