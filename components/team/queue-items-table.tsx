import Link from "next/link";
import type { QueueItemStatus } from "@/lib/team/queues/item-status";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

/** A lead's list of a queue's items: each annotator's status per item (submitted, in progress, or not taken). */
export function QueueItemsTable({
  items,
  annotators,
  shownLimit,
  total,
}: {
  items: QueueItemStatus[];
  annotators: { userId: string; name: string }[];
  shownLimit: number;
  total: number;
}) {
  return (
    <section aria-label="Items" className="space-y-2">
      <h2 className="font-semibold">
        Items{" "}
        <span className="text-sm font-normal text-slate-500">
          {total > shownLimit ? `the first ${shownLimit.toLocaleString("en")} of ${total.toLocaleString("en")}` : `${total}`}
        </span>
      </h2>
      <div className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-white">
        <Table aria-label="Queue items">
          <THead sticky>
            <Tr>
              <Th>Item</Th>
              <Th>Transcript</Th>
              {annotators.map((annotator) => (
                <Th key={annotator.userId}>{annotator.name}</Th>
              ))}
              <Th>State</Th>
            </Tr>
          </THead>
          <Tbody>
            {items.map((item) => (
              <Tr key={item.itemId} data-queue-item={item.itemId} className="border-t border-slate-100">
                <Td>{item.itemId}</Td>
                <Td>
                  <Link href={`/transcripts/${item.transcriptId}`} className="text-indigo-700 hover:underline">
                    #{item.transcriptId}
                  </Link>
                </Td>
                {annotators.map((annotator) => {
                  const status = item.slots[annotator.userId];
                  return (
                    <Td key={annotator.userId} data-annotator-status={status ?? "not taken"}>
                      {status === "submitted" ? (
                        "✓ submitted"
                      ) : status === "in progress" ? (
                        "• in progress"
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </Td>
                  );
                })}
                <Td>{item.complete ? "complete" : item.submitted > 0 ? `${item.submitted} submitted` : "waiting"}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </div>
    </section>
  );
}
