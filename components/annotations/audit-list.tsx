import Link from "next/link";
import type { AuditChange } from "@/lib/annotations/audit-diff";
import type { AuditEntry } from "@/lib/annotations/audit";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });
const ACTION_STYLE = {
  create: "bg-emerald-100 text-emerald-800",
  update: "bg-sky-100 text-sky-800",
  delete: "bg-red-100 text-red-800",
} as const;

/** Audit entries: who, when, which transcript, and what changed from what. */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0)
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">No changes recorded.</p>;
  return (
    <ol aria-label="Audit entries" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {entries.map((entry) => (
        <li key={entry.id} className="grid gap-2 px-4 py-3 text-sm sm:grid-cols-[12rem_1fr]">
          <div className="text-xs text-slate-500">
            <time dateTime={entry.at.toISOString()}>{when.format(entry.at)}</time>
            <p className="mt-0.5">
              <Link href={`/audit?user=${entry.actor.id}`} className="font-medium text-slate-800 hover:underline">
                {entry.actor.name}
              </Link>
            </p>
          </div>
          <div>
            <p className="flex flex-wrap items-center gap-2">
              <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${ACTION_STYLE[entry.action]}`}>{entry.action}</span>
              <Link href={`/transcripts/${entry.transcriptId}`} className="text-indigo-700 hover:underline">
                Transcript #{entry.transcriptId}
              </Link>
              <Link href={`/audit?transcript=${entry.transcriptId}`} className="text-xs text-slate-500 hover:underline">
                its history
              </Link>
              <span className="text-xs text-slate-500">schema v{(entry.after ?? entry.before)?.schemaVersion}</span>
            </p>
            <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
              {entry.changes.length === 0 && <li className="text-slate-500">No change in content (saved again).</li>}
              {entry.changes.map((change, index) => (
                <li key={index}>{describe(change)}</li>
              ))}
            </ul>
          </div>
        </li>
      ))}
    </ol>
  );
}

function quote(text: string) {
  return `“${text.length > 90 ? text.slice(0, 90) + "…" : text}”`;
}

function describe(change: AuditChange): React.ReactNode {
  switch (change.kind) {
    case "value":
      return (
        <>
          <span className="font-medium">{change.label}</span>: {change.from} → {change.to}
        </>
      );
    case "span":
      return (
        <>
          {change.change === "added" ? "+ " : "− "}
          <span className="font-medium">{change.label}</span> span {quote(change.text)}{" "}
          <span className="text-slate-500">
            [{change.start}–{change.end}]
          </span>
        </>
      );
    case "note":
      return (
        <>
          <span className="font-medium">Note</span>: {change.from ? quote(change.from) : "—"} → {change.to ? quote(change.to) : "—"}
        </>
      );
    case "schema":
      return `Moved from schema v${change.from} to v${change.to}`;
    case "submitted":
      return change.submitted ? "Submitted" : "Back to draft";
  }
}
