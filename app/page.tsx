import { OverviewTable } from "@/components/transcripts/overview-table";
import { overviewCounts } from "@/lib/access/transcripts";
import { page } from "@/lib/server/page";

export default page({}, async () => {
  const overview = await overviewCounts(); // live counts (every page renders per request)
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="mt-1 text-sm text-slate-600">
          Transcripts per setting and prompt variation. <em>Training</em>: free-tier user, the model believes it is trained on the
          conversation. <em>Deployment</em>: paid-tier user, unmonitored.
        </p>
      </div>
      <OverviewTable rows={overview} />
    </div>
  );
});
