import Link from "next/link";
import { filtersQueryString } from "@/lib/exports/request";
import type { RunView } from "@/lib/judges/store";
import { Table, Tbody, Td, Th, THead, Tr } from "@/components/ui/table";
import { CancelRunButton } from "./run-controls";

/** Runs with progress, tokens and estimated cost; running ones can be cancelled. */
export function RunsTable({ runs }: { runs: RunView[] }) {
  if (!runs.length) return <p className="text-sm text-slate-500">No runs yet.</p>;
  return (
    <Table aria-label="Judge runs">
      <THead>
        <tr>
          <Th>Run</Th>
          <Th>Judge</Th>
          <Th>Filter</Th>
          <Th>Status</Th>
          <Th>Progress</Th>
          <Th>Tokens in / out</Th>
          <Th>Est. cost</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </THead>
      <Tbody>
        {runs.map((run) => {
          const filter = filtersQueryString(run.filter);
          const active = run.status === "queued" || run.status === "running";
          return (
            <Tr key={run.id} data-run-id={run.id}>
              <Td className="font-mono">#{run.id}</Td>
              <Td>
                {run.judgeName}
                {run.generated && <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800">generated</span>}
              </Td>
              <Td className="font-mono text-xs">
                {filter ? (
                  <Link className="text-indigo-700 underline" href={`/transcripts?${filter}`}>
                    {filter}
                  </Link>
                ) : (
                  "all transcripts"
                )}
              </Td>
              <Td>
                <span data-testid="run-status">{run.status}</span>
                {(run.error ?? (active ? run.jobMessage : null)) && (
                  <div className="text-xs text-slate-500">{run.error ?? run.jobMessage}</div>
                )}
              </Td>
              <Td>
                <progress
                  max={Math.max(run.total, 1)}
                  value={run.done}
                  className="mr-2 align-middle"
                  aria-label={`Run ${run.id} progress`}
                />
                <span data-testid="run-progress">
                  {run.done} / {run.total}
                </span>
              </Td>
              <Td className="font-mono text-xs">
                {run.tokensIn.toLocaleString("en")} / {run.tokensOut.toLocaleString("en")}
              </Td>
              <Td className="font-mono text-xs">{run.costUsd === null ? "no prices" : `$${run.costUsd.toFixed(4)}`}</Td>
              <Td>{active && <CancelRunButton runId={run.id} />}</Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}
