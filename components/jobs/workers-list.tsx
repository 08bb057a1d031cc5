import type { WorkerView } from "@/lib/jobs/workers";

/** The live workers: where each runs and how many jobs of each kind it takes at once. */
export function WorkersList({ workers }: { workers: WorkerView[] }) {
  if (workers.length === 0)
    return (
      <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
        No worker is running: jobs wait in the queue until one starts (<code className="font-mono text-xs">npm run worker</code>).
      </p>
    );
  return (
    <ul className="flex flex-wrap gap-3" aria-label="Live workers">
      {workers.map((worker) => (
        <li key={worker.id} className="rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm">
          <div className="font-medium text-slate-800">
            {worker.host} · process {worker.pid}
          </div>
          <div className="text-xs text-slate-500">
            {Object.entries(worker.concurrency)
              .map(([kind, n]) => `${kind} ×${n}`)
              .join(", ")}{" "}
            · {worker.running} running · since {worker.startedAt.slice(0, 16).replace("T", " ")} UTC
          </div>
        </li>
      ))}
    </ul>
  );
}
