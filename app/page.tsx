import { Suspense } from "react";
import { AnnotatorHome } from "@/components/home/annotator-home";
import { LeadHome } from "@/components/home/lead-home";
import { PanelSkeleton } from "@/components/layout/skeletons";
import { OverviewTable } from "@/components/transcripts/overview-table";
import { annotatorHome, leadHome } from "@/lib/access/home";
import { overviewCounts } from "@/lib/access/transcripts";
import { hasRole } from "@/lib/auth/roles";
import { page } from "@/lib/server/page";

/** Home: where an annotator starts (their queues, next item, recent labels) or a lead's desk; the corpus counts stream in below. */
export default page({}, async ({ viewer }) => {
  const lead = hasRole(viewer.role, "lead");
  return (
    <div className="space-y-8">
      {lead ? (
        <div className="space-y-5">
          <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
          <LeadHome home={await leadHome()} />
        </div>
      ) : (
        <AnnotatorHome home={await annotatorHome()} />
      )}
      <section aria-labelledby="corpus" className="space-y-2">
        <h2 id="corpus" className="text-lg font-semibold">
          {/* "Overview" stays in an annotator's headings: the place they knew as the landing page. */}
          {lead ? "The corpus" : "Corpus overview"}
        </h2>
        <p className="text-sm text-slate-600">
          Transcripts per setting and prompt variation. <em>Training</em>: free-tier user, the model believes it is trained on the
          conversation. <em>Deployment</em>: paid-tier user, unmonitored.
        </p>
        <Suspense fallback={<PanelSkeleton label="Loading the corpus counts" rows={6} />}>
          <CorpusCounts />
        </Suspense>
      </section>
    </div>
  );
});

async function CorpusCounts() {
  return <OverviewTable rows={await overviewCounts()} />;
}
