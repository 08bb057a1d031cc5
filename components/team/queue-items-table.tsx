import Link from "next/link";
import type { QueueItemStatus } from "@/lib/team/queues/item-status";

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
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-white text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="px-3 py-1.5">Item</th>
              <th className="px-3">Transcript</th>
              {annotators.map((annotator) => (
                <th key={annotator.userId} className="px-3">
                  {annotator.name}
                </th>
              ))}
              <th className="px-3">State</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.itemId} data-queue-item={item.itemId} className="border-t border-slate-100">
                <td className="px-3 py-1.5">{item.itemId}</td>
                <td className="px-3">
                  <Link href={`/transcripts/${item.transcriptId}`} className="text-indigo-700 hover:underline">
                    #{item.transcriptId}
                  </Link>
                </td>
                {annotators.map((annotator) => {
                  const status = item.slots[annotator.userId];
                  return (
                    <td key={annotator.userId} className="px-3" data-annotator-status={status ?? "not taken"}>
                      {status === "submitted" ? (
                        "✓ submitted"
                      ) : status === "in progress" ? (
                        "• in progress"
                      ) : (
                        <span className="text-slate-400">—</span>
                      )}
                    </td>
                  );
                })}
                <td className="px-3">{item.complete ? "complete" : item.submitted > 0 ? `${item.submitted} submitted` : "waiting"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
