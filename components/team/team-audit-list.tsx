import Link from "next/link";
import type { LabelDefinition } from "@/lib/annotations/schema-definition";
import { TEAM_AUDIT_NAMES, type TeamAuditEntry } from "@/lib/team/audit";
import { describeTeamDetails } from "@/lib/team/audit-details";

/** Team audit entries: queue changes, assignments, adjudications (details in words: the label's name, the values, the reason). */
export function TeamAuditList({ entries, labels }: { entries: TeamAuditEntry[]; labels: LabelDefinition[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">No queue or adjudication entries.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-wrap gap-x-3 gap-y-1 px-3 py-2" data-team-audit={entry.action}>
          <time dateTime={entry.createdAt} className="text-slate-500">
            {entry.createdAt.replace("T", " ").slice(0, 19)}
          </time>
          <span className="font-medium">{entry.actorName}</span>
          <span>{TEAM_AUDIT_NAMES[entry.action]}</span>
          {entry.subjectName && <span>({entry.subjectName})</span>}
          {entry.queueId !== null && (
            <Link href={`/queues/${entry.queueId}`} className="text-indigo-700 hover:underline">
              queue #{entry.queueId}
            </Link>
          )}
          {entry.transcriptId !== null && (
            <Link href={`/adjudication/${entry.transcriptId}`} className="text-indigo-700 hover:underline">
              transcript #{entry.transcriptId}
            </Link>
          )}
          {Object.keys(entry.details).length > 0 && (
            <dl className="flex w-full flex-wrap gap-x-4 text-slate-700" data-audit-details>
              {describeTeamDetails(entry.action, entry.details, labels).map(({ term, text }) => (
                <div key={term} className="flex gap-1">
                  <dt className="text-slate-500">{term}:</dt>
                  <dd>{text}</dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}
