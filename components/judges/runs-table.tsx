import Link from "next/link";
import { filtersQueryString } from "@/lib/exports/request";
import type { RunView } from "@/lib/judges/store";
import { CancelRunButton } from "./run-controls";

/** Runs with progress, tokens and estimated cost; running ones can be cancelled. */
export function RunsTable({ runs }: { runs: RunView[] }) {
  if (!runs.length) return <p className="text-sm text-slate-500">No runs yet.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Judge runs">
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="py-1">Run</th>
          <th>Judge</th>
          <th>Filter</th>
          <th>Status</th>
          <th>Progress</th>
          <th>Tokens in / out</th>
          <th>Est. cost</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const filter = filtersQueryString(run.filter);
          const active = run.status === "queued" || run.status === "running";
          return (
            <tr key={run.id} className="border-t border-slate-100" data-run-id={run.id}>
              <td className="py-1.5 font-mono">#{run.id}</td>
              <td>
                {run.judgeName}
                {run.generated && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800">generated</span>}
              </td>
              <td className="font-mono text-xs">
                {filter ? (
                  <Link className="text-indigo-700 underline" href={`/transcripts?${filter}`}>
                    {filter}
                  </Link>
                ) : (
                  "all transcripts"
                )}
              </td>
              <td>
                <span data-testid="run-status">{run.status}</span>
                {(run.error ?? (active ? run.jobMessage : null)) && (
                  <div className="text-xs text-slate-500">{run.error ?? run.jobMessage}</div>
                )}
              </td>
              <td>
                <progress
                  max={Math.max(run.total, 1)}
                  value={run.done}
                  className="mr-2 align-middle"
                  aria-label={`Run ${run.id} progress`}
                />
                <span data-testid="run-progress">
                  {run.done} / {run.total}
                </span>
              </td>
              <td className="font-mono text-xs">
                {run.tokensIn.toLocaleString("en")} / {run.tokensOut.toLocaleString("en")}
              </td>
              <td className="font-mono text-xs">{run.costUsd === null ? "no prices" : `$${run.costUsd.toFixed(4)}`}</td>
              <td>{active && <CancelRunButton runId={run.id} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
