import { connection } from "next/server";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { OverviewTable } from "@/components/transcripts/overview-table";
import { requireSession } from "@/lib/auth/server";
import { loadFromDatabase } from "@/lib/db/unavailable";
import { getOverviewCounts } from "@/lib/transcripts/queries";

export default async function OverviewPage() {
  await connection(); // always read live counts, never a build-time snapshot
  await requireSession();
  const overview = await loadFromDatabase(getOverviewCounts);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="mt-1 text-sm text-slate-600">
          Transcripts per setting and prompt variation. <em>Training</em>: free-tier user, the model believes it is trained on the
          conversation. <em>Deployment</em>: paid-tier user, unmonitored.
        </p>
      </div>
      {overview.ok ? <OverviewTable rows={overview.data} /> : <DatabaseUnavailable />}
    </div>
  );
}
