import type { Metadata } from "next";
import Link from "next/link";
import { formatBytes, formatWhen } from "@/components/imports/format";
import { ImportContents } from "@/components/imports/import-contents";
import { ImportErrors } from "@/components/imports/import-errors";
import { ImportProgress } from "@/components/imports/import-progress";
import { CancelJobButton } from "@/components/jobs/cancel-job-button";
import { ImportStatusBadge } from "@/components/imports/import-status-badge";
import { ImportSummary } from "@/components/imports/import-summary";
import { importDetail } from "@/lib/access/imports";
import { idParams } from "@/lib/schemas";
import { page } from "@/lib/server/page";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Import ${(await params).id}` };
}

export default page({ role: "lead", params: idParams }, async ({ params }) => {
  const { run, contents } = await importDetail(params.id);
  return (
    <article className="space-y-5">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/imports" className="hover:underline">
            Imports
          </Link>{" "}
          / #{run.id}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="break-all text-2xl font-semibold tracking-tight">{run.fileName}</h1>
          <ImportStatusBadge status={run.status} />
        </div>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          <Meta label="Import" value={`#${run.id}`} />
          <Meta label="Format" value={run.format + (run.strict ? " · strict" : "")} />
          <Meta label="Size" value={formatBytes(run.fileSize)} />
          <Meta label="Dataset" value={run.datasetName ?? "—"} />
          <Meta label="By" value={run.createdBy} />
          <Meta label="Started" value={formatWhen(run.startedAt)} />
          {run.fileHash && <Meta label="sha256" value={run.fileHash} mono />}
        </dl>
      </header>

      {(run.status === "queued" || run.status === "running") && run.jobId !== null && (
        <CancelJobButton jobId={run.jobId} label="Cancel import" />
      )}
      {run.status === "running" || run.status === "queued" ? (
        <ImportProgress
          importId={run.id}
          initial={{
            status: run.status,
            fileSize: run.fileSize,
            bytesRead: run.bytesRead,
            records: run.records,
            imported: run.imported,
            duplicates: run.duplicates,
            failed: run.failed,
            elapsedMs: elapsedSince(run.startedAt),
          }}
        />
      ) : (
        <ImportSummary
          imported={run.imported}
          duplicates={run.duplicates}
          failed={run.failed}
          warnings={run.warnings}
          records={run.records}
          durationMs={run.durationMs}
        />
      )}

      {run.message && (
        <p
          role={run.status === "succeeded" ? "status" : "alert"}
          className={`rounded-md px-3 py-2 text-sm ${run.status === "succeeded" ? "bg-slate-100 text-slate-800" : "bg-red-50 text-red-900"}`}
        >
          {run.message}
        </p>
      )}
      {run.notices.length > 0 && (
        <ul aria-label="Notices" className="list-disc space-y-1 rounded-md bg-amber-50 py-2 pl-8 pr-3 text-sm text-amber-900">
          {run.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}

      {contents && <ImportContents slots={contents.slots} labels={contents.labels} />}

      <ImportErrors importId={run.id} errors={run.errors} total={run.failed + run.warnings} stored={run.storedErrors} />

      {run.mapping !== null && (
        <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <summary className="cursor-pointer font-medium text-slate-800">Mapping used</summary>
          <pre className="mt-2 overflow-auto whitespace-pre-wrap font-mono text-xs text-slate-700">
            {JSON.stringify(run.mapping, null, 2)}
          </pre>
        </details>
      )}
    </article>
  );
});

function Meta({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-400">{label}</dt>
      <dd className={`font-medium text-slate-700 ${mono ? "break-all font-mono text-xs leading-5" : ""}`}>{value}</dd>
    </div>
  );
}

/** How long a running import has been going, at the time of this request. */
function elapsedSince(startedAt: Date): number {
  return Date.now() - startedAt.getTime();
}
