import { exportJobDocument } from "@/lib/exports/job-document";
import type { ExportJobView } from "@/lib/exports/jobs";
import { filtersQueryString } from "@/lib/exports/request";
import { CancelJobButton } from "@/components/jobs/cancel-job-button";

const STATUS_STYLE: Record<string, string> = {
  queued: "bg-slate-100 text-slate-700",
  running: "bg-sky-100 text-sky-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
  cancelled: "bg-slate-200 text-slate-700",
};

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The latest export jobs: what was asked, progress, and the files to download once done. */
export function ExportJobs({ jobs }: { jobs: ExportJobView[] }) {
  if (jobs.length === 0) return <p className="text-sm text-slate-500">No exports yet.</p>;
  return (
    <ul className="space-y-3">
      {jobs.map((job) => {
        const document = exportJobDocument(job);
        const share = job.total ? Math.min(1, job.done / job.total) : 0;
        const filters = filtersQueryString(job.request.filters);
        return (
          <li key={job.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid={`export-${job.id}`}>
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-medium">Export #{job.id}</span>
              <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[job.status]}`}>{job.status}</span>
              <span className="text-slate-600">
                {job.request.format} · split {job.request.split.join(" / ")} · seed {job.request.seed}
                {job.request.anonymize ? " · anonymised" : ""}
              </span>
              <span className="text-slate-500">{filters ? <code className="font-mono text-xs">{filters}</code> : "all transcripts"}</span>
              {job.attempts > 1 && (
                <span className="text-xs text-slate-500">
                  attempt {job.attempts} of {job.maxAttempts}
                </span>
              )}
              <span className="ml-auto text-xs text-slate-500">{job.createdAt.slice(0, 16).replace("T", " ")} UTC</span>
              {(job.status === "queued" || job.status === "running") && !job.cancelRequested && <CancelJobButton jobId={job.jobId} />}
            </div>
            {(job.status === "running" || job.status === "queued") && (
              <div className="mt-3">
                <div
                  className="h-2 overflow-hidden rounded bg-slate-100"
                  role="progressbar"
                  aria-valuemin={0}
                  aria-valuemax={job.total ?? 0}
                  aria-valuenow={job.done}
                >
                  <div className="h-full bg-indigo-500 transition-all" style={{ width: `${Math.round(share * 100)}%` }} />
                </div>
                <p className="mt-1 text-xs text-slate-500">
                  {job.status === "queued"
                    ? "Waiting for a worker…"
                    : job.total === null
                      ? "Planning the split…"
                      : `${job.done.toLocaleString("en")} of ${job.total.toLocaleString("en")} transcripts written`}
                </p>
              </div>
            )}
            {job.message && (
              <p className={`mt-2 ${job.status === "failed" ? "text-red-700" : "text-slate-600"}`}>
                {job.cancelRequested && job.status === "running" ? "Stopping… " : ""}
                {job.message}
              </p>
            )}
            {job.warnings.length > 0 && (
              <div
                role="alert"
                aria-label={`Warnings for export #${job.id}`}
                className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3"
              >
                <p className="font-medium text-amber-900">Check before using this export:</p>
                <ul className="mt-1 list-disc space-y-0.5 pl-5 text-amber-900">
                  {job.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </div>
            )}
            {job.status === "succeeded" && (
              <ul className="mt-3 flex flex-wrap gap-x-5 gap-y-1">
                {document.files.map((file) => (
                  <li key={file.name}>
                    <a href={file.url} className="text-indigo-700 underline" download>
                      {file.name}
                    </a>{" "}
                    <span className="text-xs text-slate-500">
                      {file.rows !== undefined ? `${file.rows.toLocaleString("en")} rows · ` : ""}
                      {size(file.bytes)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
