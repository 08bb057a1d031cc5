import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { Fixtures } from "@/lib/testing/fixtures";
import { myQueueProgress } from "./my-progress";
import { queuePlace } from "./place";
import { listQueueNames, listQueues, type QueueSummary } from "./queries";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * A lead reads each queue's progress (items, slots taken, submitted, complete items) on the queues and
 * adjudication pages. listQueues computes it in one grouped pass; these tests arrange queues with items
 * in every state and hold its counts to the arranged answer and to a direct count per queue. An annotator's
 * home reads their own progress in all their queues at once (myQueueProgress), held to queuePlace's answer.
 */
const fixtures = new Fixtures(testDatabaseUrl());
const q = (sql: string, params: unknown[] = []) => fixtures.client.query(sql, params);
let queues: { twoEach: number; oneEach: number; empty: number };
let annotators: string[];

async function queue(name: string, annotatorsPerItem: number, members: string[], lead: string) {
  const id = (
    await q(`INSERT INTO label_queues (name, blind, annotators_per_item, created_by_id) VALUES ($1, true, $2, $3) RETURNING id`, [
      name,
      annotatorsPerItem,
      lead,
    ])
  ).rows[0].id as number;
  for (const member of members) await q(`INSERT INTO label_queue_annotators (queue_id, user_id) VALUES ($1, $2)`, [id, member]);
  return id;
}

/** An item of the queue with slots taken by the claimers (the `claims` counter kept as the claim SQL keeps it). */
async function item(queueId: number, transcriptId: number, claimers: string[]) {
  const id = (
    await q(`INSERT INTO label_queue_items (queue_id, transcript_id, claims) VALUES ($1, $2, $3) RETURNING id`, [
      queueId,
      transcriptId,
      claimers.length,
    ])
  ).rows[0].id as number;
  for (const claimer of claimers) await q(`INSERT INTO label_queue_claims (item_id, annotator_id) VALUES ($1, $2)`, [id, claimer]);
}

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  const lead = await fixtures.user("lead", "Progress Lead");
  annotators = [];
  for (let i = 0; i < 4; i++) annotators.push(await fixtures.user("annotator", `Progress Annotator ${i}`));
  const [a0, a1, a2, a3] = annotators;
  const t: number[] = [];
  for (let i = 0; i < 6; i++) t.push(await fixtures.transcript(`Scratchpad ${i}: is this training?`));
  const version = (await getCurrentSchema()).version;
  const annotate = (transcriptId: number, annotator: string, submitted: boolean) =>
    q(`INSERT INTO annotations (transcript_id, annotator_id, schema_version, "values", submitted_at) VALUES ($1, $2, $3, '{}', $4)`, [
      transcriptId,
      annotator,
      version,
      submitted ? new Date() : null,
    ]);
  // Annotations belong to a transcript and an annotator, not to a queue: one counts in every queue where
  // its annotator holds a slot of that transcript, and nowhere else.
  await annotate(t[2], a0, false); // a draft is work in progress
  await annotate(t[3], a0, true);
  await annotate(t[2], a1, true);
  await annotate(t[3], a1, true);
  await annotate(t[5], a1, false);
  await annotate(t[4], a2, true);
  await annotate(t[4], a3, true); // submitted, but a3 holds no slot of t4 in the first queue

  const twoEach = await queue("Progress: two per item", 2, [a0, a1, a2], lead);
  await item(twoEach, t[0], []); // not taken
  await item(twoEach, t[1], [a0]); // taken, nothing written
  await item(twoEach, t[2], [a0, a1]); // one draft, one submitted
  await item(twoEach, t[3], [a0, a1]); // complete
  await item(twoEach, t[4], [a2]); // one of two submitted (a3's annotation is not of this queue)
  const oneEach = await queue("Progress: one per item", 1, [a0, a3], lead);
  await item(oneEach, t[3], [a0]); // complete with the same annotation the first queue counts
  await item(oneEach, t[4], [a3]); // complete
  await item(oneEach, t[5], [a1]); // a draft
  const empty = await queue("Progress: empty", 3, [a2], lead);
  queues = { twoEach, oneEach, empty };
});
afterAll(() => fixtures.cleanup());

const progress = (summary: QueueSummary | undefined) =>
  summary && {
    items: summary.items,
    slots: summary.slots,
    claimed: summary.claimed,
    submitted: summary.submitted,
    complete: summary.complete,
  };

/** The same numbers counted queue by queue, claim by claim (the statement listQueues used before). */
async function directCount(queueId: number) {
  return (
    await q(
      `SELECT (SELECT count(*)::int FROM label_queue_items i WHERE i.queue_id = q.id) AS items,
              (SELECT count(*)::int FROM label_queue_claims c JOIN label_queue_items i ON i.id = c.item_id WHERE i.queue_id = q.id) AS claimed,
              (SELECT count(*)::int FROM label_queue_claims c JOIN label_queue_items i ON i.id = c.item_id
                 JOIN annotations a ON a.transcript_id = i.transcript_id AND a.annotator_id = c.annotator_id AND a.submitted_at IS NOT NULL
               WHERE i.queue_id = q.id) AS submitted,
              (SELECT count(*)::int FROM label_queue_items i WHERE i.queue_id = q.id AND
                 (SELECT count(*) FROM label_queue_claims c JOIN annotations a ON a.transcript_id = i.transcript_id
                    AND a.annotator_id = c.annotator_id AND a.submitted_at IS NOT NULL
                  WHERE c.item_id = i.id) >= q.annotators_per_item) AS complete
       FROM label_queues q WHERE q.id = $1`,
      [queueId],
    )
  ).rows[0] as { items: number; claimed: number; submitted: number; complete: number };
}

describe("queue progress counts (real PostgreSQL)", () => {
  it("counts items, taken slots, submitted slots and complete items of each queue as arranged", async () => {
    const all = await listQueues();
    const of = (id: number) => progress(all.find((summary) => summary.id === id));
    expect(of(queues.twoEach)).toEqual({ items: 5, slots: 10, claimed: 6, submitted: 4, complete: 1 });
    expect(of(queues.oneEach)).toEqual({ items: 3, slots: 3, claimed: 3, submitted: 2, complete: 2 });
    expect(of(queues.empty)).toEqual({ items: 0, slots: 0, claimed: 0, submitted: 0, complete: 0 });
  });

  it("equals a direct count for every queue in the database, listed newest first", async () => {
    const all = await listQueues();
    for (const summary of all) {
      const { items, claimed, submitted, complete } = summary;
      expect({ id: summary.id, items, claimed, submitted, complete }).toEqual({ id: summary.id, ...(await directCount(summary.id)) });
    }
    const order = all.map((summary) => [summary.createdAt, summary.id] as const);
    const sorted = [...order].sort((a, b) => (a[0] === b[0] ? b[1] - a[1] : b[0].localeCompare(a[0])));
    expect(order).toEqual(sorted);
  });

  it("names the queues for the lead's pickers as the list does, newest first, without their progress", async () => {
    const ours = new Set(Object.values(queues));
    const named = (await listQueueNames()).filter((queue) => ours.has(queue.id));
    expect(named).toEqual([
      { id: queues.empty, name: "Progress: empty" },
      { id: queues.oneEach, name: "Progress: one per item" },
      { id: queues.twoEach, name: "Progress: two per item" },
    ]);
    expect(named).toEqual((await listQueues()).filter((queue) => ours.has(queue.id)).map(({ id, name }) => ({ id, name })));
  });

  it("gives the same counts for one queue, and for the queues an annotator is a member of", async () => {
    expect(progress((await listQueues({ queueId: queues.twoEach }))[0])).toEqual({
      items: 5,
      slots: 10,
      claimed: 6,
      submitted: 4,
      complete: 1,
    });
    const a3 = await listQueues({ memberId: annotators[3] });
    expect(a3.map((summary) => summary.id)).toEqual([queues.oneEach]);
    expect(progress(a3[0])).toEqual({ items: 3, slots: 3, claimed: 3, submitted: 2, complete: 2 });
    const a2 = await listQueues({ memberId: annotators[2] });
    expect(a2.map((summary) => summary.id)).toEqual([queues.empty, queues.twoEach]);
  });
});

describe("an annotator's own progress in all their queues (real PostgreSQL)", () => {
  it("counts what each annotator took, submitted and may still take, as queuePlace does queue by queue", async () => {
    const [a0, a1, a2, a3] = annotators;
    const counts = async (annotator: string) =>
      (await myQueueProgress(annotator)).map(({ id, taken, done, open, total, finished }) => ({ id, taken, done, open, total, finished }));
    // a0 took t1, t2 (a draft), t3 in the first queue; t0 has two free slots, t4 one: 2 open. In the second, t3 submitted.
    expect(await counts(a0)).toEqual([
      { id: queues.oneEach, taken: 1, done: 1, open: 0, total: 1, finished: true },
      { id: queues.twoEach, taken: 3, done: 1, open: 2, total: 5, finished: false },
    ]);
    // a3 is only in the second queue, where every item is taken.
    expect(await counts(a3)).toEqual([{ id: queues.oneEach, taken: 1, done: 1, open: 0, total: 1, finished: true }]);

    for (const annotator of [a0, a1, a2, a3]) {
      const mine = await myQueueProgress(annotator);
      expect(mine.map((queue) => queue.id)).toEqual((await listQueues({ memberId: annotator })).map((queue) => queue.id));
      for (const queue of mine) {
        const place = await queuePlace(queue.id, annotator);
        expect({ id: queue.id, taken: queue.taken, done: queue.done, open: queue.open, finished: queue.finished }).toEqual({
          id: queue.id,
          taken: place.steps.length,
          done: place.done,
          open: place.open,
          finished: place.finished,
        });
      }
    }
  });

  it("leaves closed queues out", async () => {
    await q(`UPDATE label_queues SET closed_at = now() WHERE id = $1`, [queues.oneEach]);
    try {
      expect((await myQueueProgress(annotators[3])).map((queue) => queue.id)).toEqual([]);
      expect((await myQueueProgress(annotators[0])).map((queue) => queue.id)).toEqual([queues.twoEach]);
    } finally {
      await q(`UPDATE label_queues SET closed_at = NULL WHERE id = $1`, [queues.oneEach]);
    }
  });
});
