import Link from "next/link";
import { TEAM_AUDIT_NAMES, type TeamAuditEntry } from "@/lib/team/audit";

/** Team audit entries: queue changes, assignments, adjudications. */
export function TeamAuditList({ entries }: { entries: TeamAuditEntry[] }) {
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
          {Object.keys(entry.details).length > 0 && <code className="text-xs text-slate-600">{JSON.stringify(entry.details)}</code>}
        </li>
      ))}
    </ul>
  );
}
