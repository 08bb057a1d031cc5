import type { Metadata } from "next";
import { z } from "zod";
import { AutoRefresh } from "@/components/exports/auto-refresh";
import { JobsTable } from "@/components/jobs/jobs-table";
import { WorkersList } from "@/components/jobs/workers-list";
import { jobsOverview } from "@/lib/access/jobs";
import { jobKindSchema } from "@/lib/jobs/kind-names";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Jobs" };

const jobsQuery = z.object({ kind: jobKindSchema.optional().catch(undefined) });

/** Background jobs (imports, exports, rebuilds) and the workers running them, read from the database. `?kind=` filters. */
export default page({ role: "lead", searchParams: jobsQuery }, async ({ searchParams: { kind } }) => {
  const { jobs, workers } = await jobsOverview(kind);
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
        <h2 className="text-lg font-medium">Recent jobs{kind ? ` (${kind})` : ""}</h2>
        <JobsTable jobs={jobs} />
      </section>
    </div>
  );
});
