import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { PairSide } from "@/components/pairs/pair-side";
import { PairWorkspace, type PairSideSlot } from "@/components/pairs/pair-workspace";
import { SideLabels } from "@/components/pairs/side-labels";
import { SiblingStrip } from "@/components/pairs/sibling-strip";
import { loadFromDatabase } from "@/lib/db/unavailable";
import { isBlindHeld, hideBlindHeld } from "@/lib/team/blind-holds";
import { withViewer, type SearchParams } from "@/lib/transcripts/list-state";
import { pairHref, parsePairViewState } from "@/lib/transcripts/pair-state";
import { loadPairView } from "@/lib/transcripts/pair-view";
import type { PairTranscript } from "@/lib/transcripts/pair";
import type { SideModel } from "@/lib/transcripts/pair-model";
import type { Condition } from "@/lib/transcripts/registry";
import type { DiffSpan } from "@/lib/transcripts/word-diff";
import { loadSideAnnotations, type SideAnnotations } from "@/lib/annotations/pair-annotations";
import { panelKeys } from "@/lib/annotations/pair-labels";
import { PAIR_MODE_COOKIE, parsePairMode } from "@/lib/annotations/pair-mode";
import { hasRole } from "@/lib/auth/roles";
import { MAX_EDIT_LENGTH } from "@/lib/transcripts/word-diff";
import { requireSession, type SessionUser } from "@/lib/auth/server";

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Pair ${(await params).id}` };
}

export default async function PairPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requireSession();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const viewer = { id: user.id, isLead: hasRole(user.role, "lead") };
  const parsedView = parsePairViewState(await searchParams);
  // The list's label filters see only what this viewer may see (annotators: their own labels).
  const view = { ...parsedView, list: withViewer(parsedView.list, { id: user.id, seesOthersLabels: viewer.isLead }) };
  const result = await loadFromDatabase(async () => {
    // A pair held in one of the viewer's blind queues exists only in the queue until they labelled it.
    if (await isBlindHeld({ pairId: parsed.data.id }, user)) return null;
    const loaded = await loadPairView(parsed.data.id, { ...view, list: await hideBlindHeld(view.list, user) });
    if (!loaded) return null;
    const side = (transcript: PairTranscript | null) => (transcript ? loadSideAnnotations(transcript.id, viewer) : null);
    const [training, deployment] = await Promise.all([side(loaded.pair.training), side(loaded.pair.deployment)]);
    return { ...loaded, annotations: { training, deployment } };
  });
  if (!result.ok) return <DatabaseUnavailable />;
  if (!result.data) notFound();
  const { pair, sides, siblings, diff, links, annotations } = result.data;
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
      user,
      isLead: viewer.isLead,
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
}

/** One side for the workspace: drawn plain and (with the diff on) as a diff, its labels, and its annotation panel's data. */
function sideSlot({
  condition,
  transcript,
  model,
  annotation,
  user,
  isLead,
  diff,
}: {
  condition: Condition;
  transcript: PairTranscript;
  model: SideModel;
  annotation: SideAnnotations;
  user: SessionUser;
  isLead: boolean;
  diff?: DiffSpan[];
}): PairSideSlot {
  const blockTexts = transcript.turns
    .flatMap((turn) => (turn.role === "assistant" ? turn.blocks : []))
    .flatMap((block) => (block.kind === "scratchpad" ? [block.text] : []));
  return {
    plain: <PairSide condition={condition} transcript={transcript} model={model} />,
    diff: diff ? <PairSide condition={condition} transcript={transcript} model={model} diff={diff} /> : null,
    labels: <SideLabels condition={condition} transcript={transcript} annotations={annotation} isLead={isLead} />,
    annotation: {
      transcriptId: transcript.id,
      scratchpadText: annotation.scratchpadText,
      blockTexts,
      current: annotation.current,
      mine: annotation.mine,
      others: annotation.others,
      viewerName: user.name,
    },
  };
}
