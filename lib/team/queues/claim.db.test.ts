import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveAnnotation } from "@/lib/annotations/save";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { Fixtures } from "@/lib/testing/fixtures";
import { nextItem } from "./claim";
import { createQueue } from "./create";
import { annotatorProgress, listQueues } from "./queries";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const fixtures = new Fixtures(testDatabaseUrl());
let lead: string;
let annotators: string[];
let transcripts: number[];
let datasetId: number;

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  await fixtures.connect();
  lead = await fixtures.user("lead", "Lead");
  annotators = [];
  for (let i = 0; i < 8; i++) annotators.push(await fixtures.user("annotator", `Annotator ${i}`));
  transcripts = [];
  for (let i = 0; i < 6; i++) transcripts.push(await fixtures.transcript(`Scratchpad ${i}: I am in training.`));
  datasetId = (await fixtures.client.query<{ dataset_id: number }>(`SELECT dataset_id FROM transcripts WHERE id = $1`, [transcripts[0]]))
    .rows[0].dataset_id;
});
afterAll(() => fixtures.cleanup());

const make = (size: number, annotatorsPerItem: number, members = annotators) =>
  createQueue(
    {
      name: "Race",
      description: "",
      filter: `dataset=${datasetId}`,
      size,
      sample: "first",
      pairs: false,
      annotatorsPerItem,
      blind: true,
      hideSuggestions: true,
      annotatorIds: members,
    },
    lead,
  );

const claimsPerItem = async (queueId: number) =>
  (
    await fixtures.client.query<{ item_id: number; claims: number; rows: number }>(
      `SELECT i.id AS item_id, i.claims, (SELECT count(*)::int FROM label_queue_claims c WHERE c.item_id = i.id) AS rows
     FROM label_queue_items i WHERE i.queue_id = $1 ORDER BY i.id`,
      [queueId],
    )
  ).rows;

describe("claiming queue items (real PostgreSQL, concurrent claimers)", () => {
  it("makes a queue from a table filter", async () => {
    const queue = await make(4, 2);
    expect(queue.items).toBe(4);
    const [summary] = (await listQueues()).filter((q) => q.id === queue.id);
    expect(summary).toMatchObject({ items: 4, slots: 8, claimed: 0, blind: true });
  });

  it("never gives the last slot of an item to two annotators at once", async () => {
    for (let round = 0; round < 5; round++) {
      const queue = await make(1, 2);
      const results = await Promise.all(annotators.map((annotator) => nextItem(queue.id, annotator)));
      expect(results.filter((result) => result !== null)).toHaveLength(2);
      expect(await claimsPerItem(queue.id)).toEqual([{ item_id: expect.any(Number), claims: 2, rows: 2 }]);
    }
  });

  it("fills every slot exactly once when everyone keeps asking, each annotator at most once per item", async () => {
    const queue = await make(6, 3);
    await Promise.all(
      annotators.map(async (annotator) => {
        // Each annotator asks for new items until none is left (submitting is not needed: an unfinished claim is
        // returned again, so take claims directly by labelling each one).
        for (;;) {
          const next = await nextItem(queue.id, annotator);
          if (!next) return;
          const { rows } = await fixtures.client.query<{ transcript_id: number }>(
            `SELECT transcript_id FROM label_queue_items WHERE id = $1`,
            [next.itemId],
          );
          const outcome = await saveAnnotation(rows[0].transcript_id, annotator, {
            expectedVersion: 0,
            schemaVersion: (await getCurrentSchema()).version,
            values: { af_verdict: "no" },
            note: "",
            spans: [],
            submit: true,
          });
          if (!outcome.ok) throw new Error(`save failed: ${JSON.stringify(outcome)}`);
        }
      }),
    );
    const items = await claimsPerItem(queue.id);
    expect(items.map((item) => [item.claims, item.rows])).toEqual(Array(6).fill([3, 3]));
    const progress = await annotatorProgress(queue.id);
    expect(progress.reduce((sum, p) => sum + p.submitted, 0)).toBe(18);
    expect(progress.every((p) => p.claimed === p.submitted)).toBe(true);
    // A new queue over the same transcripts offers an annotator only those they have not labelled.
    const again = await make(6, 8);
    const labelled = new Set(
      (
        await fixtures.client.query<{ transcript_id: number }>(
          `SELECT transcript_id FROM annotations WHERE annotator_id = $1 AND submitted_at IS NOT NULL`,
          [annotators[0]],
        )
      ).rows.map((r) => r.transcript_id),
    );
    expect(labelled.size).toBeGreaterThan(0);
    const offered = await nextItem(again.id, annotators[0]);
    const { rows } = await fixtures.client.query<{ transcript_id: number }>(`SELECT transcript_id FROM label_queue_items WHERE id = $1`, [
      offered!.itemId,
    ]);
    expect(labelled.has(rows[0].transcript_id)).toBe(false);
  });

  it("returns an unfinished claim first, and orders items differently per annotator", async () => {
    const extra = [await fixtures.user("annotator", "X"), await fixtures.user("annotator", "Y")];
    for (let i = 0; i < 10; i++) transcripts.push(await fixtures.transcript(`More ${i}`));
    const queue = await createQueue(
      {
        name: "Order",
        description: "",
        filter: `dataset=${datasetId}`,
        size: 5_000,
        sample: "first",
        pairs: false,
        annotatorsPerItem: 2,
        blind: true,
        hideSuggestions: true,
        annotatorIds: extra,
      },
      lead,
    );
    const first = await nextItem(queue.id, extra[0]);
    expect(await nextItem(queue.id, extra[0])).toEqual({ itemId: first!.itemId, resumed: true });
    const order = async (annotator: string) =>
      (
        await fixtures.client.query<{ id: number }>(
          `SELECT id FROM label_queue_items WHERE queue_id = $1 ORDER BY md5(id::text || ':' || $2), id`,
          [queue.id, annotator],
        )
      ).rows.map((r) => r.id);
    expect(await order(extra[0])).not.toEqual(await order(extra[1]));
  });
});
