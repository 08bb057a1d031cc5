import type { Metadata } from "next";
import Link from "next/link";
import { AnnotatableScratchpad, AnnotationPanel, AnnotationProvider } from "@/components/annotations/annotation-panel";
import { JudgeSuggestions } from "@/components/annotations/judge-suggestions";
import { AnnotationSummary } from "@/components/annotations/annotation-summary";
import { ConditionBadge } from "@/components/transcripts/condition-badge";
import { TranscriptView } from "@/components/transcripts/transcript-view";
import { transcriptPage } from "@/lib/access/transcripts";
import { idParams } from "@/lib/schemas";
import { page } from "@/lib/server/page";
import { listHref, listQueryString, parseListState } from "@/lib/transcripts/list-state";
import { pairHref } from "@/lib/transcripts/pair-state";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Transcript ${(await params).id}` };
}

export default page({ params: idParams }, async ({ viewer, params: { id }, query }) => {
  // The list the user came from (its filters and sort ride along in the URL): submit goes to its next transcript.
  const list = parseListState(query);
  // Missing, or held in one of the viewer's blind queues and not yet labelled by them: the same 404.
  const { transcript, annotations, nextId, seesOthersLabels, suggestions } = await transcriptPage(id, list);
  const listState = listQueryString({ ...list, page: 1, after: undefined, before: undefined });
  const blockTexts = transcript.turns
    .flatMap((turn) => (turn.role === "assistant" ? turn.blocks : []))
    .flatMap((block) => (block.kind === "scratchpad" ? [block.text] : []));

  return (
    <AnnotationProvider
      key={id}
      transcriptId={id}
      scratchpadText={annotations.scratchpadText}
      blockTexts={blockTexts}
      current={annotations.current}
      mine={annotations.mine}
      others={annotations.everyone.filter((entry) => entry.annotation.annotatorId !== viewer.id)}
      viewerName={viewer.name}
      nextHref={nextId ? `/transcripts/${nextId}${listState ? `?${listState}` : ""}` : null}
    >
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_25rem]">
        <article className="min-w-0 space-y-5">
          <header className="space-y-2">
            <p className="text-sm text-slate-500">
              <Link href={listHref(list)} className="hover:underline">
                Transcripts
              </Link>{" "}
              / #{transcript.id}
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <h1 className="text-2xl font-semibold tracking-tight">Transcript #{transcript.id}</h1>
              <ConditionBadge condition={transcript.condition} />
            </div>
            <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
              <Meta label="Setting" value={transcript.setting} />
              <Meta label="Variation" value={transcript.variation} />
              <Meta label="Model" value={transcript.model} />
              <Meta label="Dataset" value={transcript.dataset} />
            </dl>
            <p className="flex flex-wrap gap-4 text-sm">
              <Link href={pairHref(transcript.pairId, { at: transcript.id })} className="font-medium text-indigo-600 hover:underline">
                Compare side by side (pair #{transcript.pairId}) →
              </Link>
              {transcript.partnerId ? (
                <Link href={`/transcripts/${transcript.partnerId}`} className="text-indigo-600 hover:underline">
                  Open its {transcript.condition === "training" ? "deployment" : "training"} partner →
                </Link>
              ) : (
                <span className="text-amber-700">
                  Its {transcript.condition === "training" ? "deployment" : "training"} partner is missing.
                </span>
              )}
            </p>
            {transcript.formatIssues.length > 0 && (
              <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                Format issues: {transcript.formatIssues.join(", ").replaceAll("_", " ")}
              </p>
            )}
            {transcript.ownSystemPrompt !== null && (
              <details
                aria-label="This transcript's own system prompt"
                className="rounded-md border border-amber-200 bg-amber-50/60 px-3 py-2 text-sm"
              >
                <summary className="cursor-pointer font-medium text-amber-900">
                  Its own system prompt: its record gave one that differs from variation “{transcript.variation}”’s
                </summary>
                <p className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap break-words font-mono text-xs text-slate-800">
                  {transcript.ownSystemPrompt}
                </p>
              </details>
            )}
          </header>
          <TranscriptView
            query={transcript.query}
            turns={transcript.turns}
            renderScratchpad={(_block, index) => <AnnotatableScratchpad blockIndex={index} />}
          />
        </article>
        <aside className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
          <AnnotationPanel />
          <JudgeSuggestions suggestions={suggestions} />
          {seesOthersLabels && (
            <>
              <AnnotationSummary title="Everyone’s labels" annotations={annotations.everyone} />
              <p className="text-sm">
                <Link href={`/audit?transcript=${id}`} className="text-indigo-600 hover:underline">
                  Audit log of this transcript →
                </Link>
              </p>
            </>
          )}
        </aside>
      </div>
    </AnnotationProvider>
  );
});

function Meta({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium text-slate-700">{value}</dd>
    </div>
  );
}
