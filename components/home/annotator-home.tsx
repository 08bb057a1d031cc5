import Link from "next/link";
import { Progress } from "@/components/team/progress";
import type { annotatorHome } from "@/lib/access/home";

type Home = Awaited<ReturnType<typeof annotatorHome>>;
const card = "rounded-lg border border-slate-200 bg-white p-4";

/** "Start here": the annotator's next item (focused, so Enter opens it), their queues, their recent labels, what the team needs. */
export function AnnotatorHome({ home }: { home: Home }) {
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hello, {home.name}</h1>
        <p className="mt-1 text-sm text-slate-600">Your queues, where you left off, and what you labelled last.</p>
      </div>
      <section aria-label="Start here" className={`${card} flex flex-wrap items-center gap-4`}>
        {home.start ? (
          <>
            <p className="text-sm">
              {home.start.resume ? "Continue where you left off in" : "Next up:"}{" "}
              <span className="font-medium">{home.start.queueName}</span>
            </p>
            {/* Plain <a>: opening it claims an item, so it must never be prefetched. Focused on arrival: Enter starts. */}
            <a
              href={`/queues/${home.start.queueId}/next`}
              autoFocus
              className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              {home.start.resume ? "Resume" : "Start labelling"} →{" "}
              <span className="ml-1 rounded bg-indigo-500 px-1 font-mono text-xs">Enter</span>
            </a>
          </>
        ) : (
          <p className="text-sm text-slate-600">
            {home.queues.length ? "You finished every queue you are in. Thank you." : "You are not in any open queue yet."} You can still
            label any transcript from the{" "}
            <Link href="/transcripts" className="text-indigo-700 underline hover:text-indigo-900">
              transcripts table
            </Link>
            .
          </p>
        )}
      </section>
      <div className="grid gap-5 lg:grid-cols-2">
        <section aria-labelledby="my-queues" className={card}>
          <h2 id="my-queues" className="mb-3 font-semibold">
            Your queues
          </h2>
          {home.queues.length === 0 && <p className="text-sm text-slate-600">No open queue has you as an annotator.</p>}
          <ul className="space-y-3">
            {home.queues.map((queue) => (
              <li key={queue.id} className="flex flex-wrap items-center gap-4">
                <span className="min-w-40 flex-1 text-sm font-medium">
                  {queue.name}
                  {queue.blind && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600">blind</span>}
                </span>
                <Progress done={queue.done} total={queue.total} label={`${queue.name}: submitted`} caption="Submitted" />
                {queue.finished ? (
                  <span className="text-sm font-medium text-emerald-700">✓ Finished</span>
                ) : (
                  <a href={`/queues/${queue.id}/next`} className="text-sm font-medium text-indigo-700 underline hover:text-indigo-900">
                    Next item →
                  </a>
                )}
              </li>
            ))}
          </ul>
          {home.neediest && (
            <p className="mt-4 border-t border-slate-100 pt-3 text-sm text-slate-700" data-team-needs>
              The team needs most: <span className="font-medium">{home.neediest.name}</span>, {home.neediest.open.toLocaleString("en")}{" "}
              {home.neediest.open === 1 ? "item" : "items"} still waiting for your label.
            </p>
          )}
        </section>
        <section aria-labelledby="my-recent" className={card}>
          <h2 id="my-recent" className="mb-3 font-semibold">
            Your recent labels
          </h2>
          {home.recent.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing yet: what you label shows up here.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {home.recent.map((label) => (
                <li key={label.transcriptId} className="flex items-center gap-3 py-1.5">
                  <Link href={`/transcripts/${label.transcriptId}`} className="text-indigo-700 underline hover:text-indigo-900">
                    #{label.transcriptId}
                  </Link>
                  <span className="min-w-0 flex-1 truncate text-slate-600" title={label.variation}>
                    {label.variation}
                  </span>
                  <span className="text-xs text-slate-500">
                    {label.labelCount} {label.labelCount === 1 ? "label" : "labels"}
                  </span>
                  <span className={`text-xs ${label.submitted ? "text-emerald-700" : "text-amber-800"}`}>
                    {label.submitted ? "✓ submitted" : "draft"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
