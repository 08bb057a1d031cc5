import type { Metadata } from "next";
import Link from "next/link";
import { Progress } from "@/components/team/progress";
import { queuesOverview } from "@/lib/access/team";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Queues" };

/** Leads: every queue with its progress. Annotators: their queues, their own progress, "Next item". */
export default page({}, async () => {
  const { lead: isLead, queues } = await queuesOverview();
  return (
    <div className="space-y-4">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Labelling queues</h1>
          <p className="mt-1 text-sm text-slate-600">{isLead ? "Every queue, with its progress." : "The queues you are assigned to."}</p>
        </div>
        {isLead && (
          <Link href="/queues/new" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
            New queue
          </Link>
        )}
      </div>
      {queues.length === 0 && <p className="text-sm text-slate-600">No queues yet.</p>}
      <ul className="space-y-3">
        {queues.map(({ queue, mine }) => (
          <li key={queue.id} className="flex flex-wrap items-center gap-6 rounded-lg border border-slate-200 bg-white p-4">
            <div className="min-w-60 flex-1">
              <h2 className="font-medium">
                {isLead ? (
                  <Link href={`/queues/${queue.id}`} className="text-indigo-700 hover:underline">
                    {queue.name}
                  </Link>
                ) : (
                  queue.name
                )}
                {queue.blind && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">blind</span>}
                {queue.closed && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">closed</span>}
              </h2>
              {queue.description && <p className="mt-1 text-sm text-slate-600">{queue.description}</p>}
              <p className="mt-1 text-xs text-slate-500">
                {queue.items} items × {queue.annotatorsPerItem} annotators · by {queue.createdBy}
              </p>
            </div>
            {isLead && <Progress done={queue.submitted} total={queue.slots} label="Labels submitted" />}
            {isLead && <Progress done={queue.complete} total={queue.items} label="Items complete" />}
            {mine && <Progress done={mine.place.done} total={mine.place.total} label="Yours submitted" />}
            {mine?.place.finished && (
              <span data-queue-finished className="rounded-md bg-emerald-50 px-3 py-1.5 text-sm font-medium text-emerald-800">
                ✓ Finished
              </span>
            )}
            {mine && !queue.closed && !mine.place.finished && (
              <a
                href={`/queues/${queue.id}/next`}
                className="rounded-md border border-indigo-600 px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
              >
                My next item →
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
