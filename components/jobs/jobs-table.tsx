import Link from "next/link";
import type { JobView } from "@/lib/jobs/queue";
import { formatBytes } from "@/components/imports/format";
import { CancelJobButton } from "./cancel-job-button";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

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
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <Table aria-label="Jobs" className="min-w-full">
        <THead>
          <Tr>
            <Th>Job</Th>
            <Th>Kind</Th>
            <Th>Status</Th>
            <Th>Attempt</Th>
            <Th>Progress</Th>
            <Th>Created (UTC)</Th>
            <Th>Message</Th>
            <Th />
          </Tr>
        </THead>
        <Tbody>
          {jobs.map((job) => {
            const subject = subjectOf(job);
            const { done, total, note } = job.progress;
            return (
              <Tr key={job.id} data-testid={`job-${job.id}`}>
                <Td className="align-top tabular-nums">#{job.id}</Td>
                <Td className="align-top">
                  {job.kind}
                  {subject && (
                    <>
                      {" "}
                      <Link className="text-indigo-700 underline" href={subject.href}>
                        {subject.label}
                      </Link>
                    </>
                  )}
                </Td>
                <Td className="align-top">
                  <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[job.status]}`}>{job.status}</span>
                  {job.status === "running" && job.workerAlive === false && (
                    <span className="ml-1 text-xs text-amber-800">worker lost</span>
                  )}
                </Td>
                <Td className={`align-top tabular-nums text-slate-600`}>
                  {job.attempts} of {job.maxAttempts}
                </Td>
                <Td className={`align-top tabular-nums text-slate-600`}>{progressText(done, total, note)}</Td>
                <Td className={`align-top whitespace-nowrap text-slate-600`}>{job.createdAt.slice(0, 16).replace("T", " ")}</Td>
                <Td className={`align-top max-w-md text-slate-700`}>{job.message ?? ""}</Td>
                <Td className="align-top">
                  {(job.status === "queued" || job.status === "running") && !job.cancelRequested && <CancelJobButton jobId={job.id} />}
                  {job.cancelRequested && job.status === "running" && <span className="text-xs text-slate-500">stopping…</span>}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </div>
  );
}
