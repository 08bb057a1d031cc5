import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { BreakdownTable } from "@/components/judges/validation/breakdown-table";
import { ComparisonTable } from "@/components/judges/validation/comparison-table";
import { CorrectedRates } from "@/components/judges/validation/corrected-rates";
import { ConfusionMatrixTable } from "@/components/judges/validation/confusion-matrix";
import { FiguresTable } from "@/components/judges/validation/figures-table";
import { formatInterval } from "@/components/judges/validation/format";
import { ReferencePicker } from "@/components/judges/validation/reference-picker";
import { ThresholdPicker } from "@/components/judges/validation/threshold-picker";
import { ValidationCurves, type CurvesData } from "@/components/judges/validation/validation-curves";
import { runValidation } from "@/lib/access/judge-validation";
import { cellHref } from "@/lib/judges/validation/links";
import type { ValidationReference } from "@/lib/judges/validation/judge-filter";
import { idParams, idSchema } from "@/lib/schemas";
import { page } from "@/lib/server/page";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `Judge run ${(await params).id} · validation` };
}

const threshold = z.coerce
  .number()
  .min(0)
  .max(1)
  .transform((t) => Math.round(t * 100) / 100)
  .optional()
  .catch(undefined);
const validationQuery = z.object({
  /** "consensus" (default) or an annotator's id. */
  ref: z.string().min(1).max(100).optional().catch(undefined),
  t: threshold,
  compare: idSchema.optional().catch(undefined),
  ct: threshold,
  /** "1": also the judge's raw and Rogan–Gladen corrected rates per variation (a scan of the whole run). */
  corrected: z.literal("1").optional().catch(undefined),
});

/**
 * A judge run against humans: the confusion matrix, the figures with 95%
 * intervals, ROC / PR / calibration for scored judges, a threshold that
 * re-reads every figure, the breakdown per variation and condition, and
 * another run side by side on the same transcripts. Every count opens the
 * transcripts it counts. Leads only (lib/access/judge-validation.ts).
 */
export default page({ role: "lead", params: idParams, searchParams: validationQuery }, async ({ params: { id }, searchParams }) => {
  const reference: ValidationReference =
    searchParams.ref && searchParams.ref !== "consensus" ? { kind: "annotator", annotatorId: searchParams.ref } : { kind: "consensus" };
  const v = await runValidation(id, {
    reference,
    threshold: searchParams.t ?? null,
    compareRunId: searchParams.compare,
    compareThreshold: searchParams.ct ?? null,
    corrected: searchParams.corrected === "1",
  });
  const t = v.threshold;
  const hrefOf = (cell: Parameters<typeof cellHref>[1], narrow: { variationId?: number; condition?: string } = {}) =>
    cellHref(v.run.id, cell, { threshold: t, reference, ...narrow });
  const referenceName =
    reference.kind === "consensus"
      ? "the human consensus"
      : (v.annotators.find((a) => a.id === reference.annotatorId)?.name ?? "one annotator");
  const curves = curvesOf(v);

  return (
    <div className="max-w-6xl space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-500">
          <Link href="/judges" className="hover:underline">
            Judges
          </Link>{" "}
          / {v.run.judgeName} / run #{v.run.id}
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {v.run.judgeName} · run #{v.run.id} against {referenceName}
        </h1>
        <p className="text-sm text-slate-600">
          Label: <strong>{v.label.name}</strong> ({v.label.rule}) · {v.run.judgeKind === "imported" ? "imported predictions" : "LLM judge"}{" "}
          · {v.run.status}
          {v.run.generated && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">generated demo run</span>}
        </p>
        <p className="text-sm text-slate-600" data-testid="validation-counts">
          {v.overall.n} transcripts counted of {v.predictions} judged · {v.predictions - v.overall.n - v.overall.withoutVerdict} without a
          human reference · {v.overall.withoutVerdict} with a reference but no verdict (unreadable answer{v.scored ? ", or no score" : ""})
        </p>
        <div className="flex flex-wrap items-center gap-6">
          <ReferencePicker annotators={v.annotators} current={reference.kind === "consensus" ? "consensus" : reference.annotatorId} />
          {v.scored && <ThresholdPicker threshold={t} />}
        </div>
      </header>

      {v.overall.n === 0 ? (
        <p role="status" className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          No transcript of this run has a human label for “{v.label.name}” from {referenceName} yet: label a sample (a queue from this run,
          or the transcripts table) and come back.
        </p>
      ) : (
        <>
          <nav aria-label="Back to humans" className="flex flex-wrap gap-4 text-sm">
            <Link href={queueHref(v.run.id, "disagree", t, reference)} className="font-medium text-indigo-700 hover:underline">
              Make a labelling queue of the {v.overall.matrix.falsePositive + v.overall.matrix.falseNegative} disagreements →
            </Link>
            {v.scored && (
              <Link href={queueHref(v.run.id, "judged", t ?? 0.5, reference, "uncertain")} className="text-indigo-700 hover:underline">
                …of the scores nearest the threshold (most uncertain first) →
              </Link>
            )}
            <Link href={queueHref(v.run.id, "judged", null, reference, "stratified")} className="text-indigo-700 hover:underline">
              …of a stratified random sample for validation →
            </Link>
          </nav>
          <section className="grid gap-6 md:grid-cols-[auto_minmax(0,1fr)]" aria-label="Overall">
            <ConfusionMatrixTable matrix={v.overall.matrix} hrefOf={(cell) => hrefOf(cell)} />
            <FiguresTable figures={v.overall} />
          </section>
          {v.scored && <ValidationCurves data={curves} />}
          <section className="space-y-2" aria-labelledby="breakdown-heading">
            <h2 id="breakdown-heading" className="text-lg font-semibold">
              Per variation and condition
            </h2>
            <BreakdownTable
              groups={v.groups}
              hrefOf={(cell, group) => hrefOf(cell, { variationId: group.variationId, condition: group.condition })}
            />
          </section>
        </>
      )}

      <section className="space-y-2" aria-labelledby="rates-heading">
        <h2 id="rates-heading" className="text-lg font-semibold">
          Rates by this judge: raw and corrected
        </h2>
        {v.rates ? (
          <CorrectedRates
            rates={v.rates}
            hrefOf={(variationId, condition) => cellHref(v.run.id, "positive", { threshold: t, reference, variationId, condition })}
          />
        ) : (
          <Link href={withParam(searchParams, "corrected", "1")} className="text-sm text-indigo-700 hover:underline">
            Show the judge’s rate per variation over the whole run, beside the rate corrected for its measured error (Rogan–Gladen) →
          </Link>
        )}
      </section>

      <section className="space-y-2" aria-labelledby="compare-heading">
        <h2 id="compare-heading" className="text-lg font-semibold">
          Side by side with another run
        </h2>
        <form className="flex flex-wrap items-center gap-2 text-sm">
          {reference.kind === "annotator" && <input type="hidden" name="ref" value={reference.annotatorId} />}
          {t !== null && <input type="hidden" name="t" value={t} />}
          <label htmlFor="compare">Compare with</label>
          <select
            id="compare"
            name="compare"
            defaultValue={v.compare?.run.id ?? ""}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            <option value="">—</option>
            {v.comparable.map((run) => (
              <option key={run.id} value={run.id}>
                #{run.id} {run.judgeName}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-50">
            Compare
          </button>
        </form>
        {v.compare ? (
          <ComparisonTable first={v.run} second={v.compare.run} comparison={v.compare.comparison} />
        ) : (
          v.comparable.length === 0 && <p className="text-sm text-slate-500">No other run answers this label yet.</p>
        )}
      </section>
      <p className="text-xs text-slate-500">
        Intervals are 95%. AUROC {formatInterval(v.overall.auroc)} counts every threshold at once; the matrix and the figures above it use{" "}
        {t === null ? "the judge’s own verdicts" : `score ≥ ${t.toFixed(2)}`}.
      </p>
    </div>
  );
});

function curvesOf(v: Awaited<ReturnType<typeof runValidation>>): CurvesData {
  const { overall } = v;
  const positives = overall.matrix.truePositive + overall.matrix.falseNegative;
  const negatives = overall.matrix.falsePositive + overall.matrix.trueNegative;
  const operating =
    v.threshold === null || !overall.roc
      ? null
      : (() => {
          const m = overall.matrix;
          return {
            fpr: negatives ? m.falsePositive / negatives : 0,
            recall: positives ? m.truePositive / positives : 0,
            precision: m.truePositive + m.falsePositive ? m.truePositive / (m.truePositive + m.falsePositive) : null,
          };
        })();
  return {
    roc: overall.roc?.map((p) => ({ x: p.falsePositiveRate, y: p.truePositiveRate, threshold: p.threshold })) ?? null,
    auroc: overall.auroc ? formatInterval(overall.auroc) : null,
    precisionRecall: overall.precisionRecall?.points.map((p) => ({ x: p.recall, y: p.precision, threshold: p.threshold })) ?? null,
    calibration:
      overall.calibration?.flatMap((bin) =>
        bin.observed && bin.meanScore !== null
          ? [
              {
                x: bin.meanScore,
                y: bin.observed.estimate,
                error: [bin.observed.estimate - bin.observed.lower, bin.observed.upper - bin.observed.estimate] as [number, number],
                n: bin.n,
              },
            ]
          : [],
      ) ?? null,
    operating,
  };
}

/** This page's URL with one more parameter (the others kept). */
function withParam(current: Record<string, unknown>, key: string, value: string): string {
  const params = new URLSearchParams();
  for (const [name, given] of Object.entries(current)) if (given !== undefined) params.set(name, String(given));
  params.set(key, value);
  return `?${params.toString()}`;
}

/** The new-queue form preset to a judge filter (lib/team/queues: the form takes the table's query as its filter). */
function queueHref(runId: number, cell: "disagree" | "judged", threshold: number | null, reference: ValidationReference, sample?: string) {
  const table = new URL(cellHref(runId, cell, { threshold, reference }), "http://x").searchParams;
  if (sample) table.set("sample", sample);
  return `/queues/new?${table.toString()}`;
}
