import { JudgeSuggestions } from "@/components/annotations/judge-suggestions";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AnnotatableScratchpad, AnnotationPanel, AnnotationProvider } from "@/components/annotations/annotation-panel";
import { BlindBanner } from "@/components/team/blind-banner";
import { QueuePlaceNav } from "@/components/team/queue-place";
import { SubmittedToast } from "@/components/team/submitted-toast";
import { TranscriptView } from "@/components/transcripts/transcript-view";
import { queueItemPage } from "@/lib/access/team";
import { idSchema } from "@/lib/schemas";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Queue item" };

const itemParams = z.object({ id: idSchema, itemId: idSchema });
/** `?submitted=<item>`: arrived here by "Submit & next" from that item (the confirmation and its undo show). */
const itemQuery = z.object({ submitted: idSchema.optional().catch(undefined) });

/**
 * One queue item for the annotator who holds a slot of it. Blind queues show
 * the blind view (lib/team/blind.ts) and never the transcript's id: the panel
 * saves through /api/queues/:id/items/:itemId/annotation. Other annotators'
 * labels are never passed here. A lead without a slot goes to the full
 * transcript page instead; anyone else gets 403.
 */
export default page({ params: itemParams, searchParams: itemQuery }, async ({ viewer, params: { id, itemId }, searchParams }) => {
  const found = await queueItemPage(id, itemId);
  if (found.kind === "elsewhere") redirect(found.href);
  const { item, view, annotation, place, step, suggestions } = found;
  const justSubmitted = place.steps.findIndex((s) => s.itemId === searchParams.submitted && s.submitted);
  return (
    <AnnotationProvider
      key={itemId}
      annotationUrl={`/api/queues/${id}/items/${itemId}/annotation`}
      scratchpadText={annotation.scratchpadText}
      blockTexts={view.blockTexts}
      current={annotation.current}
      mine={annotation.mine}
      viewerName={viewer.name}
      nextHref={`/queues/${id}/next?after=${itemId}`}
      // The next page confirms the submit itself, with its Undo (SubmittedToast).
      toastOnSubmit={false}
    >
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_25rem]">
        <article className="min-w-0 space-y-5">
          <header className="space-y-2">
            <p className="text-sm text-slate-500">
              <Link href="/queues" className="hover:underline">
                Queues
              </Link>{" "}
              / {item.queueName}
            </p>
            <h1 className="text-2xl font-semibold tracking-tight">
              Item {step.position} of {place.total}
            </h1>
            {justSubmitted >= 0 && <SubmittedToast queueId={id} position={justSubmitted + 1} />}
            <QueuePlaceNav queueId={id} itemId={itemId} place={place} step={step} />
            {view.revealed ? (
              <section aria-label="Revealed" className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
                <p>
                  {item.blind && <span className="font-medium">Revealed after your submission: </span>}
                  Transcript{" "}
                  <Link href={`/transcripts/${view.revealed.transcriptId}`} className="text-indigo-700 hover:underline">
                    #{view.revealed.transcriptId}
                  </Link>{" "}
                  · {view.revealed.condition} · {view.revealed.setting} · {view.revealed.variation} · {view.revealed.model}
                </p>
                {view.revealed.sourceLabels === null ? (
                  <p role="note" className="mt-1 text-xs text-slate-500">
                    Imported labels and judge suggestions are hidden by this queue until you submit.
                  </p>
                ) : (
                  view.revealed.sourceLabels.length > 0 && (
                    <p className="mt-1 text-xs">
                      Source labels: {view.revealed.sourceLabels.map((label) => `${label.source} ${label.name}=${label.value}`).join(", ")}
                    </p>
                  )
                )}
              </section>
            ) : (
              <BlindBanner />
            )}
          </header>
          <TranscriptView
            query={view.transcript.query}
            turns={view.transcript.turns}
            renderScratchpad={(_block, index) => <AnnotatableScratchpad blockIndex={index} />}
          />
        </article>
        <aside className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-6rem)] lg:overflow-y-auto">
          <AnnotationPanel />
          <JudgeSuggestions suggestions={suggestions} />
          <p className="text-sm">
            <Link href="/queues" className="text-indigo-700 hover:underline">
              ← Your queues
            </Link>
          </p>
        </aside>
      </div>
    </AnnotationProvider>
  );
});
