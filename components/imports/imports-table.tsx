import Link from "next/link";
import type { ImportView } from "@/lib/imports/web/queries";
import { formatBytes, formatCount, formatDuration, formatWhen } from "./format";
import { ImportStatusBadge } from "./import-status-badge";

/** The import history: one row per run, newest first. */
export function ImportsTable({ imports }: { imports: ImportView[] }) {
  if (imports.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
        <p className="font-medium text-slate-800">No imports yet.</p>
        <p className="mt-1">
          Start one with <span className="font-medium">New import</span>, or from a terminal:{" "}
          <code className="rounded bg-slate-100 px-1 font-mono text-xs">npm run import -- FILE</code>
        </p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">#</th>
            <th className="px-3 py-2 font-medium">File</th>
            <th className="px-3 py-2 font-medium">Status</th>
            <th className="px-3 py-2 text-right font-medium">Imported</th>
            <th className="px-3 py-2 text-right font-medium">Duplicates</th>
            <th className="px-3 py-2 text-right font-medium">Failed</th>
            <th className="px-3 py-2 font-medium">Dataset</th>
            <th className="px-3 py-2 font-medium">By</th>
            <th className="px-3 py-2 font-medium">Started</th>
            <th className="px-3 py-2 text-right font-medium">Took</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {imports.map((run) => (
            <tr key={run.id} className="hover:bg-indigo-50/40">
              <td className="px-3 py-2 tabular-nums">
                <Link href={`/imports/${run.id}`} className="text-indigo-600 hover:underline">
                  {run.id}
                </Link>
              </td>
              <td className="max-w-xs px-3 py-2">
                <Link
                  href={`/imports/${run.id}`}
                  className="block truncate font-medium text-slate-800 hover:underline"
                  title={run.fileName}
                >
                  {run.fileName}
                </Link>
                <span className="text-xs text-slate-500">
                  {run.format} · {formatBytes(run.fileSize)}
                  {run.strict ? " · strict" : ""}
                </span>
              </td>
              <td className="px-3 py-2">
                <ImportStatusBadge status={run.status} />
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatCount(run.imported)}</td>
              <td className="px-3 py-2 text-right tabular-nums text-slate-500">{formatCount(run.duplicates)}</td>
              <td className={`px-3 py-2 text-right tabular-nums ${run.failed ? "font-medium text-red-700" : "text-slate-500"}`}>
                {formatCount(run.failed)}
              </td>
              <td className="max-w-[12rem] truncate px-3 py-2 text-slate-600" title={run.datasetName ?? undefined}>
                {run.datasetName ?? "—"}
              </td>
              <td className="px-3 py-2 font-mono text-xs text-slate-500">{run.createdBy}</td>
              <td className="whitespace-nowrap px-3 py-2 text-slate-500">{formatWhen(run.startedAt)}</td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-500">{formatDuration(run.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
