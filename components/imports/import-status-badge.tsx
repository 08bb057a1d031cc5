import type { ImportStatus } from "@/lib/generated/prisma/enums";

const STYLE: Record<ImportStatus, { label: string; className: string; hint: string }> = {
  running: {
    label: "Running",
    className: "bg-indigo-100 text-indigo-800",
    hint: "Reading and storing; nothing is visible until it commits.",
  },
  succeeded: { label: "Succeeded", className: "bg-emerald-100 text-emerald-800", hint: "Committed." },
  failed: { label: "Failed", className: "bg-red-100 text-red-800", hint: "Nothing was committed." },
  queued: {
    label: "Queued",
    className: "bg-slate-100 text-slate-700",
    hint: "Waiting for a worker to run it (or to run it again after a worker stopped).",
  },
  cancelled: { label: "Cancelled", className: "bg-slate-200 text-slate-700", hint: "Stopped on request; nothing was committed." },
  interrupted: {
    label: "Interrupted",
    className: "bg-amber-100 text-amber-900",
    hint: "The importer stopped before it finished; nothing was committed.",
  },
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const style = STYLE[status];
  return (
    <span title={style.hint} className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium ${style.className}`}>
      {status === "running" && <span aria-hidden className="h-1.5 w-1.5 animate-pulse rounded-full bg-indigo-600" />}
      {style.label}
    </span>
  );
}
