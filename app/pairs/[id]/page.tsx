import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { PairSide } from "@/components/pairs/pair-side";
import { PairWorkspace, type PairSideSlot } from "@/components/pairs/pair-workspace";
import { SideLabels } from "@/components/pairs/side-labels";
import { SiblingStrip } from "@/components/pairs/sibling-strip";
import type { SideAnnotations } from "@/lib/access/annotations";
import { pairPage } from "@/lib/access/transcripts";
import type { Viewer } from "@/lib/access/viewer";
import { panelKeys } from "@/lib/annotations/pair-labels";
import { PAIR_MODE_COOKIE, parsePairMode } from "@/lib/annotations/pair-mode";
import { idParams, type Condition } from "@/lib/schemas";
import { page } from "@/lib/server/page";
import type { PairTranscript } from "@/lib/transcripts/pair";
import type { SideModel } from "@/lib/transcripts/pair-model";
import { pairHref, parsePairViewState } from "@/lib/transcripts/pair-state";
import { MAX_EDIT_LENGTH, type DiffSpan } from "@/lib/transcripts/word-diff";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Pair ${(await params).id}` };
}

export default page({ params: idParams }, async ({ viewer, params, query }) => {
  // The list's label filters see only what this viewer may see (annotators: their own labels); a held pair is "not found".
  const view = parsePairViewState(query);
  const { pair, sides, siblings, diff, links, annotations, seesOthersLabels: isLead, suggestionsHidden } = await pairPage(params.id, view);
  const initialMode = parsePairMode((await cookies()).get(PAIR_MODE_COOKIE)?.value);
  const slot = (condition: Condition): PairSideSlot | null => {
    const transcript = pair[condition];
    const model = sides[condition];
    const annotation = annotations[condition];
    if (!transcript || !model || !annotation) return null;
    return sideSlot({
      condition,
      transcript,
      model,
      annotation,
      viewer,
      isLead,
      suggestionsHidden,
      diff: diff?.ok ? diff[condition] : undefined,
    });
  };
  const schemas = [annotations.training, annotations.deployment].flatMap((side) => (side ? [side.current, side.mine?.schema] : []));
  const missing = !pair.training ? "training" : !pair.deployment ? "deployment" : null;

  return (
    <article className="space-y-3">
      <header className="space-y-1">
        <p className="text-sm text-slate-500">
          <Link href={links.list} className="hover:underline">
            Transcripts
          </Link>{" "}
          / pair #{pair.id}
        </p>
        <h1 className="flex flex-wrap items-baseline gap-x-3 text-xl font-semibold tracking-tight">
          <span>{pair.variation}</span>
          <span className="text-sm font-normal text-slate-500">
            {pair.setting} · <span className="font-mono">{pair.model}</span>
            {pair.isBaseline && " · baseline"}
            {pair.sampleIndex > 0 && ` · sample ${pair.sampleIndex + 1}`}
          </span>
        </h1>
      </header>
      <section aria-label="User input" className="rounded-lg border border-slate-200 bg-white px-4 py-2">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">User input · same for both sides</h2>
        <p className="mt-1 max-h-36 overflow-y-auto whitespace-pre-wrap break-words text-sm">{pair.query}</p>
      </section>
      <SiblingStrip
        siblings={siblings}
        current={{ pairId: pair.id, variationId: pair.variationId, modelId: pair.modelId }}
        hrefOf={(id) => pairHref(id, { from: view.from, diff: view.diff })}
      />
      {missing && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Its {missing} partner is missing: this pair holds only its {missing === "training" ? "deployment" : "training"} transcript, shown
          alone.
        </p>
      )}
      {diff && !diff.ok && (
        <p role="note" className="rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          {diff.reason === "empty"
            ? "Neither side has a scratchpad: there is nothing to diff."
            : `The two scratchpads differ in more than ${MAX_EDIT_LENGTH.toLocaleString("en")} places: too different for a word diff. Both are shown whole.`}
        </p>
      )}
      <PairWorkspace
        key={pair.id}
        diffOn={view.diff}
        links={links}
        training={slot("training")}
        deployment={slot("deployment")}
        panelKeys={panelKeys(schemas)}
        initialMode={initialMode}
      />
    </article>
  );
});

/** One side for the workspace: drawn plain and (with the diff on) as a diff, its labels, and its annotation panel's data. */
function sideSlot({
  condition,
  transcript,
  model,
  annotation,
  viewer,
  isLead,
  suggestionsHidden,
  diff,
}: {
  condition: Condition;
  transcript: PairTranscript;
  model: SideModel;
  annotation: SideAnnotations;
  viewer: Viewer;
  isLead: boolean;
  suggestionsHidden: boolean;
  diff?: DiffSpan[];
}): PairSideSlot {
  const blockTexts = transcript.turns
    .flatMap((turn) => (turn.role === "assistant" ? turn.blocks : []))
    .flatMap((block) => (block.kind === "scratchpad" ? [block.text] : []));
  return {
    plain: <PairSide condition={condition} transcript={transcript} model={model} />,
    diff: diff ? <PairSide condition={condition} transcript={transcript} model={model} diff={diff} /> : null,
    labels: (
      <SideLabels
        condition={condition}
        transcript={transcript}
        annotations={annotation}
        isLead={isLead}
        suggestionsHidden={suggestionsHidden}
      />
    ),
    annotation: {
      transcriptId: transcript.id,
      scratchpadText: annotation.scratchpadText,
      blockTexts,
      current: annotation.current,
      mine: annotation.mine,
      others: annotation.others,
      viewerName: viewer.name,
    },
  };
}
