import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { PairSide } from "@/components/pairs/pair-side";
import { PairWorkspace } from "@/components/pairs/pair-workspace";
import { SiblingStrip } from "@/components/pairs/sibling-strip";
import { loadFromDatabase } from "@/lib/db/unavailable";
import { withViewer, type SearchParams } from "@/lib/transcripts/list-state";
import { pairHref, parsePairViewState } from "@/lib/transcripts/pair-state";
import { loadPairView } from "@/lib/transcripts/pair-view";
import { MAX_EDIT_LENGTH } from "@/lib/transcripts/word-diff";
import { hasRole } from "@/lib/auth/roles";
import { requireSession } from "@/lib/auth/server";

const paramsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Pair ${(await params).id}` };
}

export default async function PairPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requireSession();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const parsedView = parsePairViewState(await searchParams);
  const view = { ...parsedView, list: withViewer(parsedView.list, { id: user.id, seesOthersLabels: hasRole(user.role, "lead") }) };
  const result = await loadFromDatabase(() => loadPairView(parsed.data.id, view));
  if (!result.ok) return <DatabaseUnavailable />;
  if (!result.data) notFound();
  const { pair, sides, siblings, diff, links } = result.data;
  const missing = !pair.training ? "training" : !pair.deployment ? "deployment" : null;

  return (
    <article className="space-y-3">
      <header className="space-y-1">
        <p className="text-sm text-slate-500">
          <Link href={links.list} className="hover:underline">Transcripts</Link> / pair #{pair.id}
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
      <SiblingStrip siblings={siblings} current={{ pairId: pair.id, variationId: pair.variationId, modelId: pair.modelId }} hrefOf={(id) => pairHref(id, { from: view.from, diff: view.diff })} />
      {missing && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Its {missing} partner is missing: this pair holds only its {missing === "training" ? "deployment" : "training"} transcript, shown alone.
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
        diffOn={view.diff}
        links={links}
        training={pair.training && sides.training ? <PairSide condition="training" transcript={pair.training} model={sides.training} diff={diff?.ok ? diff.training : undefined} /> : null}
        deployment={pair.deployment && sides.deployment ? <PairSide condition="deployment" transcript={pair.deployment} model={sides.deployment} diff={diff?.ok ? diff.deployment : undefined} /> : null}
      />
    </article>
  );
}
