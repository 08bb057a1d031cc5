import Link from "next/link";
import type { ImportView } from "@/lib/imports/web/queries";
import { formatBytes, formatCount, formatDuration, formatWhen } from "./format";
import { ImportStatusBadge } from "./import-status-badge";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

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
      <Table aria-label="Imports">
        <THead>
          <Tr>
            <Th>#</Th>
            <Th>File</Th>
            <Th>Status</Th>
            <Th numeric>Imported</Th>
            <Th numeric>Duplicates</Th>
            <Th numeric>Failed</Th>
            <Th>Dataset</Th>
            <Th>By</Th>
            <Th>Started</Th>
            <Th numeric>Took</Th>
          </Tr>
        </THead>
        <Tbody>
          {imports.map((run) => (
            <Tr key={run.id} hover>
              <Td className="tabular-nums">
                <Link href={`/imports/${run.id}`} className="text-indigo-600 hover:underline">
                  {run.id}
                </Link>
              </Td>
              <Td className="max-w-xs">
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
              </Td>
              <Td>
                <ImportStatusBadge status={run.status} />
              </Td>
              <Td numeric>{formatCount(run.imported)}</Td>
              <Td numeric className="text-slate-500">
                {formatCount(run.duplicates)}
              </Td>
              <Td numeric className={`${run.failed ? "font-medium text-red-700" : "text-slate-500"}`}>
                {formatCount(run.failed)}
              </Td>
              <Td className="max-w-[12rem] truncate text-slate-600" title={run.datasetName ?? undefined}>
                {run.datasetName ?? "—"}
              </Td>
              <Td className="font-mono text-xs text-slate-500">{run.createdBy}</Td>
              <Td className="whitespace-nowrap text-slate-500">{formatWhen(run.startedAt)}</Td>
              <Td numeric className="whitespace-nowrap text-slate-500">
                {formatDuration(run.durationMs)}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </div>
  );
}
