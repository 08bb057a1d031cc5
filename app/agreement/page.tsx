import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { PanelSkeleton } from "@/components/layout/skeletons";
import { AgreementTable, byLabelRows } from "@/components/team/agreement-table";
import { ConsensusRule } from "@/components/team/consensus-rule";
import { agreement, queueNames } from "@/lib/access/team";
import { page } from "@/lib/server/page";
import { agreementQuery } from "@/lib/team/queues/schemas";
import { variationNames } from "@/lib/transcripts/variation-names";

export const metadata: Metadata = { title: "Agreement" };

/** Inter-annotator agreement (leads): per label, for one queue or all labelled transcripts, and one label's per variation. */
export default page({ role: "lead", searchParams: agreementQuery }, async ({ searchParams: { queue, label } }) => {
  const queues = await queueNames();
  const current = queues.find((q) => q.id === queue);

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Agreement</h1>
        <p className="mt-1 text-sm text-slate-600">
          Between annotators’ submitted labels{" "}
          {current ? <>in the queue “{current.name}”</> : "on every transcript labelled by two or more"}. Cohen’s κ needs exactly two
          annotators; Fleiss’ κ uses the items with the usual number of ratings; Krippendorff’s α takes any number and missing ratings
          (ordinal for scales). n = items behind each figure.
        </p>
      </div>
      <form action="/agreement" className="flex items-end gap-2 text-sm">
        {label && <input type="hidden" name="label" value={label} />}
        <label>
          <span className="block text-xs font-medium text-slate-600">Queue</span>
          <select name="queue" defaultValue={queue ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1">
            <option value="">All transcripts</option>
            {queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-white">
          Show
        </button>
        <Link href={`/adjudication${queue ? `?queue=${queue}` : ""}`} className="ml-4 text-indigo-700 hover:underline">
          Disagreements to adjudicate →
        </Link>
      </form>
      {/* The figures are computed from every submitted label: the page's frame shows first, they stream in. */}
      <Suspense key={`${queue ?? "all"}:${label ?? ""}`} fallback={<PanelSkeleton label="Computing the agreement" rows={8} />}>
        <AgreementPanels queue={queue} label={label} />
      </Suspense>
      <ConsensusRule />
    </div>
  );
});

async function AgreementPanels({ queue, label }: { queue: number | undefined; label: string | undefined }) {
  const [{ overall, byVariation }, variations] = await Promise.all([agreement(queue), variationNames()]);
  const variationName = new Map(variations.map((v) => [v.id, `${v.setting.name} · ${v.name}`]));
  // One label at a time per variation: 150 variations x every label was 2 MB of tables nobody reads at once.
  const shown = overall.find((row) => row.labelKey === label) ?? overall.find((row) => row.items > 0) ?? overall[0];
  const perVariation = shown
    ? [...byVariation]
        .flatMap(([variationId, rows]) => {
          const row = rows.find((candidate) => candidate.labelKey === shown.labelKey);
          if (!row || row.items === 0) return [];
          return [{ key: String(variationId), name: variationName.get(variationId) ?? String(variationId), agreement: row }];
        })
        .sort((a, b) => a.name.localeCompare(b.name))
    : [];
  return (
    <>
      <section aria-label="Agreement per label" className="rounded-lg border border-slate-200 bg-white p-4">
        <AgreementTable rows={byLabelRows(overall)} caption="Per label" />
      </section>
      {shown && (
        <section aria-label="Agreement per variation" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <form action="/agreement" className="flex items-end gap-2 text-sm">
            {queue !== undefined && <input type="hidden" name="queue" value={queue} />}
            <label>
              <span className="block text-xs font-medium text-slate-600">Label</span>
              <select name="label" defaultValue={shown.labelKey} className="mt-1 rounded-md border border-slate-300 px-2 py-1">
                {overall.map((row) => (
                  <option key={row.labelKey} value={row.labelKey}>
                    {row.labelName} ({row.items} items)
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-white">
              Show per variation
            </button>
          </form>
          {perVariation.length === 0 ? (
            <p className="text-sm text-slate-600">No variation has two or more ratings of “{shown.labelName}”.</p>
          ) : (
            <AgreementTable
              rows={perVariation}
              per="variation"
              caption={`${shown.labelName} per variation (${perVariation.length} with items)`}
            />
          )}
        </section>
      )}
    </>
  );
}
