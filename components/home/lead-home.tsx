import Link from "next/link";
import { Progress } from "@/components/team/progress";
import type { leadHome } from "@/lib/access/home";

type Home = Awaited<ReturnType<typeof leadHome>>;
const card = "rounded-lg border border-slate-200 bg-white p-4";
const link = "text-indigo-700 underline hover:text-indigo-900";

/** A lead's start: open queues' progress, disagreements waiting, newest imports, shortcuts to the charts. */
export function LeadHome({ home }: { home: Home }) {
  return (
    <div className="grid gap-5 lg:grid-cols-3">
      <section aria-labelledby="lead-queues" className={`${card} lg:col-span-2`}>
        <h2 id="lead-queues" className="mb-3 font-semibold">
          Open queues
        </h2>
        {home.queues.length === 0 && (
          <p className="text-sm text-slate-600">
            No open queue.{" "}
            <Link href="/queues/new" className={link}>
              Make one
            </Link>
            .
          </p>
        )}
        <ul className="space-y-3">
          {home.queues.map((queue) => (
            <li key={queue.id} className="flex flex-wrap items-center gap-4">
              <Link href={`/queues/${queue.id}`} className={`min-w-40 flex-1 text-sm font-medium ${link}`}>
                {queue.name}
              </Link>
              <Progress done={queue.submitted} total={queue.slots} label={`${queue.name}: labels submitted`} caption="Labels submitted" />
              <Progress done={queue.complete} total={queue.items} label={`${queue.name}: items complete`} caption="Items complete" />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="lead-disagreements" className={card}>
        <h2 id="lead-disagreements" className="mb-2 font-semibold">
          Disagreements waiting
        </h2>
        <p className="text-3xl font-semibold tabular-nums" data-disagreements-waiting>
          {home.disagreementsWaiting.toLocaleString("en")}
        </p>
        <p className="mt-2 text-sm">
          {home.nextDisagreement ? (
            <Link href={`/adjudication/${home.nextDisagreement}`} className={link}>
              Decide the next one →
            </Link>
          ) : (
            <span className="text-slate-600">Nothing to decide.</span>
          )}{" "}
          ·{" "}
          <Link href="/adjudication" className={link}>
            all disagreements
          </Link>
        </p>
      </section>
      <section aria-labelledby="lead-imports" className={`${card} lg:col-span-2`}>
        <h2 id="lead-imports" className="mb-2 font-semibold">
          Newest imports
        </h2>
        {home.imports.length === 0 ? (
          <p className="text-sm text-slate-600">
            None yet.{" "}
            <Link href="/imports" className={link}>
              Import transcripts
            </Link>
            .
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {home.imports.map((run) => (
              <li key={run.id} className="flex flex-wrap items-center gap-3 py-1.5">
                <Link href={`/imports/${run.id}`} className={link}>
                  {run.fileName}
                </Link>
                <span className="text-slate-600">{run.dataset ?? "—"}</span>
                <span className="text-slate-600">{run.imported.toLocaleString("en")} imported</span>
                <span className="ml-auto text-xs text-slate-500">
                  {run.status} · {run.startedAt.slice(0, 16).replace("T", " ")} UTC
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <nav aria-labelledby="lead-charts" className={card}>
        <h2 id="lead-charts" className="mb-2 font-semibold">
          Charts
        </h2>
        <ul className="space-y-1 text-sm">
          <li>
            <Link href="/analytics" className={link}>
              AF reasoning and compliance per variation
            </Link>
          </li>
          <li>
            <Link href="/analytics/labels" className={link}>
              Human labels per variation
            </Link>
          </li>
          <li>
            <Link href="/agreement" className={link}>
              Agreement between annotators
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
