import type { Metadata } from "next";
import { connection } from "next/server";
import { AutoRefresh } from "@/components/exports/auto-refresh";
import { JobsTable } from "@/components/jobs/jobs-table";
import { WorkersList } from "@/components/jobs/workers-list";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { requireRole } from "@/lib/auth/server";
import { pgPool } from "@/lib/db/pg-pool";
import { loadFromDatabase } from "@/lib/db/unavailable";
import { jobKindSchema } from "@/lib/jobs/kinds-registry";
import { listJobs } from "@/lib/jobs/queue";
import { listLiveWorkers } from "@/lib/jobs/workers";

export const metadata: Metadata = { title: "Jobs" };

/** Background jobs (imports, exports, rebuilds) and the workers running them, read from the database. `?kind=` filters. */
export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("lead");
  await connection();
  const kind = jobKindSchema.safeParse((await searchParams).kind);
  const loaded = await loadFromDatabase(async () => ({
    jobs: await listJobs(pgPool(), { kind: kind.success ? kind.data : undefined, limit: 100 }),
    workers: await listLiveWorkers(pgPool()),
  }));
  if (!loaded.ok) return <DatabaseUnavailable />;
  const { jobs, workers } = loaded.data;
  const active = jobs.some((job) => job.status === "queued" || job.status === "running");
  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
        <p className="mt-1 text-sm text-slate-600">
          Imports started from the web or the API, exports and label-signature rebuilds run as background jobs on the workers below; a job
          whose worker stops is handed to another within seconds. Also from the command line (
          <code className="font-mono text-xs">npm run jobs -- list</code>) and the API (
          <code className="font-mono text-xs">GET /api/v1/jobs</code>).
        </p>
      </div>
      <AutoRefresh active={active} />
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Workers</h2>
        <WorkersList workers={workers} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Recent jobs{kind.success ? ` (${kind.data})` : ""}</h2>
        <JobsTable jobs={jobs} />
      </section>
    </div>
  );
}
