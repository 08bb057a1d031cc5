import Link from "next/link";
import type { QueuePlace } from "@/lib/team/queues/place";
import { Progress } from "./progress";

/**
 * Where the annotator is in a queue: "n of N", their progress, and the items
 * they took in order (✓ submitted, • in progress), with back/forward links.
 */
export function QueuePlaceNav({
  queueId,
  itemId,
  place,
  step,
}: {
  queueId: number;
  itemId: number;
  place: QueuePlace;
  step: { position: number; previous: number | null; next: number | null };
}) {
  const itemHref = (id: number) => `/queues/${queueId}/items/${id}`;
  return (
    <nav
      aria-label="Your place in the queue"
      className="flex flex-wrap items-center gap-x-5 gap-y-2 rounded-md border border-slate-200 bg-white px-3 py-2"
    >
      <div className="flex items-center gap-2 text-sm">
        {step.previous ? (
          <Link href={itemHref(step.previous)} className="rounded px-1.5 text-indigo-700 hover:bg-indigo-50" aria-label="Previous item">
            ←
          </Link>
        ) : (
          <span className="px-1.5 text-slate-300" aria-hidden>
            ←
          </span>
        )}
        <span data-queue-position className="font-medium">
          {step.position} of {place.total}
        </span>
        {step.next ? (
          <Link href={itemHref(step.next)} className="rounded px-1.5 text-indigo-700 hover:bg-indigo-50" aria-label="Next item">
            →
          </Link>
        ) : (
          <span className="px-1.5 text-slate-300" aria-hidden>
            →
          </span>
        )}
      </div>
      <Progress done={place.done} total={place.total} label="Submitted" />
      {place.steps.length > 1 && (
        <ol aria-label="Your items" className="flex flex-wrap gap-1 text-xs">
          {place.steps.map((s, index) => (
            <li key={s.itemId}>
              <Link
                href={itemHref(s.itemId)}
                aria-current={s.itemId === itemId ? "page" : undefined}
                title={s.submitted ? "Submitted" : "In progress"}
                className={`inline-block rounded border px-1.5 py-0.5 ${
                  s.itemId === itemId
                    ? "border-indigo-500 bg-indigo-50 text-indigo-800"
                    : "border-slate-200 text-slate-700 hover:bg-slate-50"
                }`}
              >
                {index + 1} {s.submitted ? "✓" : "•"}
              </Link>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
