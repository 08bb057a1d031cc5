import type { Metadata } from "next";
import Link from "next/link";
import { ConsensusRule } from "@/components/team/consensus-rule";
import { ConditionBadge } from "@/components/transcripts/condition-badge";
import { disagreements, queueNames } from "@/lib/access/team";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { page } from "@/lib/server/page";
import { queueQuery } from "@/lib/team/queues/schemas";

export const metadata: Metadata = { title: "Adjudication" };

/** Transcripts where annotators disagree (leads), undecided first. */
export default page({ role: "lead", searchParams: queueQuery }, async ({ searchParams: { queue } }) => {
  const [items, queues, schema] = await Promise.all([disagreements(queue), queueNames(), getCurrentSchema()]);
  // Label names, not keys (a key the current schema no longer has stays as it is).
  const labelName = (key: string) => schema.labels.find((label) => label.key === key)?.name ?? key;
  const firstUndecided = items.find((item) => item.adjudicated < item.labelKeys.length);
  const withQueue = queue ? `?queue=${queue}` : "";
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Adjudication</h1>
        <p className="mt-1 text-sm text-slate-600">
          Transcripts whose annotators gave different values to a label
          {queue ? ` in “${queues.find((q) => q.id === queue)?.name ?? queue}”` : ""}. Your decision becomes the consensus label.
        </p>
      </div>
      <form action="/adjudication" className="flex items-end gap-2 text-sm">
        <select name="queue" defaultValue={queue ?? ""} aria-label="Queue" className="rounded-md border border-slate-300 px-2 py-1">
          <option value="">All transcripts</option>
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-white">
          Show
        </button>
        {firstUndecided && (
          <Link
            href={`/adjudication/${firstUndecided.transcriptId}${withQueue}`}
            className="ml-auto rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700"
          >
            Decide the first undecided →
          </Link>
        )}
      </form>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">No disagreements.</p>
      ) : (
        <table className="w-full max-w-5xl text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1">Transcript</th>
              <th>Variation</th>
              <th>Condition</th>
              <th>Labels in disagreement</th>
              <th>Annotators</th>
              <th>Decided</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.transcriptId} className="border-t border-slate-100">
                <td className="py-1.5">
                  <Link href={`/adjudication/${item.transcriptId}${withQueue}`} className="text-indigo-700 hover:underline">
                    #{item.transcriptId}
                  </Link>
                </td>
                <td className="pr-2">{item.variation}</td>
                <td className="pr-2">
                  <ConditionBadge condition={item.condition} />
                </td>
                <td className="pr-2">{item.labelKeys.map(labelName).join(", ")}</td>
                <td>{item.annotators}</td>
                <td>
                  {item.adjudicated} / {item.labelKeys.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConsensusRule />
    </div>
  );
});
