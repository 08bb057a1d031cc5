import Link from "next/link";
import type { JobView } from "@/lib/jobs/queue";
import { formatBytes } from "@/components/imports/format";
import { CancelJobButton } from "./cancel-job-button";

const STATUS_STYLE: Record<JobView["status"], string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-sky-100 text-sky-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-slate-200 text-slate-700",
};

/** Where a job's own page is: an import's or an export's, when it has one. */
function subjectOf(job: JobView): { href: string; label: string } | null {
  const payload = job.payload as { importId?: number; exportId?: number };
  if (job.kind === "import" && payload.importId) return { href: `/imports/${payload.importId}`, label: `import #${payload.importId}` };
  if (job.kind === "export" && payload.exportId) return { href: `/exports`, label: `export #${payload.exportId}` };
  return null;
}

/** Progress in the kind's unit: bytes read as sizes, counts as numbers. */
function progressText(done: number, total: number | null, note: string | null): string {
  if (total === null) return done ? done.toLocaleString("en") : "—";
  if (note === "bytes") return `${formatBytes(done)} of ${formatBytes(total)}`;
  return `${done.toLocaleString("en")} / ${total.toLocaleString("en")}${note ? ` ${note}` : ""}`;
}

export function JobsTable({ jobs }: { jobs: JobView[] }) {
  if (jobs.length === 0) return <p className="text-sm text-slate-500">No jobs yet.</p>;
  const cell = "px-3 py-2 align-top";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className={cell}>Job</th>
            <th className={cell}>Kind</th>
            <th className={cell}>Status</th>
            <th className={cell}>Attempt</th>
            <th className={cell}>Progress</th>
            <th className={cell}>Created (UTC)</th>
            <th className={cell}>Message</th>
            <th className={cell} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {jobs.map((job) => {
            const subject = subjectOf(job);
            const { done, total, note } = job.progress;
            return (
              <tr key={job.id} data-testid={`job-${job.id}`}>
                <td className={`${cell} tabular-nums`}>#{job.id}</td>
                <td className={cell}>
                  {job.kind}
                  {subject && (
                    <>
                      {" "}
                      <Link className="text-indigo-700 underline" href={subject.href}>
                        {subject.label}
                      </Link>
                    </>
                  )}
                </td>
                <td className={cell}>
                  <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[job.status]}`}>{job.status}</span>
                  {job.status === "running" && job.workerAlive === false && (
                    <span className="ml-1 text-xs text-amber-800">worker lost</span>
                  )}
                </td>
                <td className={`${cell} tabular-nums text-slate-600`}>
                  {job.attempts} of {job.maxAttempts}
                </td>
                <td className={`${cell} tabular-nums text-slate-600`}>{progressText(done, total, note)}</td>
                <td className={`${cell} whitespace-nowrap text-slate-600`}>{job.createdAt.slice(0, 16).replace("T", " ")}</td>
                <td className={`${cell} max-w-md text-slate-700`}>{job.message ?? ""}</td>
                <td className={cell}>
                  {(job.status === "queued" || job.status === "running") && !job.cancelRequested && <CancelJobButton jobId={job.id} />}
                  {job.cancelRequested && job.status === "running" && <span className="text-xs text-slate-500">stopping…</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
