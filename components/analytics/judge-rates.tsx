import type { JudgeChart } from "@/lib/analytics/judge-chart";
import { JUDGE_METHODS } from "@/lib/judges/metrics/methods";
import { JudgeRateTable } from "@/components/judges/validation/judge-rate-table";
import { judgeChartRows } from "@/lib/analytics/judge-chart-rows";
import { JudgeRateChart } from "./judge-rate-chart";

/** "75.0% (3 of 4)"; "—" without a denominator. */
const share = (x: number, of: number) => (of === 0 ? "— (0 of 0)" : `${((x / of) * 100).toFixed(1)}% (${x} of ${of})`);

/**
 * The variation page with a judge run as its label source: the judge's rate
 * of its label per variation × condition, and with `corrected` the
 * Rogan–Gladen rate beside it, with the validation sample it rests on.
 */
export function JudgeRates({ chart }: { chart: JudgeChart }) {
  const { source, rows, validation } = chart;
  const title = `Labels: judge ${source.judgeName} (run ${source.runId}) · rate of “${source.labelKey}” per variation and condition`;
  return (
    <section className="space-y-3" aria-label="Rates by judge">
      {rows.length > 0 && <JudgeRateChart rows={judgeChartRows(rows)} title={title} corrected={validation !== null} />}
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="text-sm font-semibold">{title}</h2>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">This run judged no transcript of this setting (with this model and dataset).</p>
        ) : (
          <JudgeRateTable label="Judge rates" rows={rows} corrected={validation !== null} />
        )}
        <p className="text-xs text-slate-500">
          Raw: the share of the transcripts the run judged (readable verdicts) that it called positive, with the{" "}
          {JUDGE_METHODS.proportion.name.split(" (")[0]} ({JUDGE_METHODS.proportion.reference}).
          {validation ? (
            <>
              {" "}
              Corrected with the judge&apos;s sensitivity{" "}
              <span data-testid="judge-sensitivity">{share(validation.truePositives, validation.referencePositives)}</span> and specificity{" "}
              <span data-testid="judge-specificity">{share(validation.trueNegatives, validation.referenceNegatives)}</span>, measured
              against the human consensus on the validation sample: <span data-testid="validation-n">n = {validation.n}</span> transcripts
              that both the run and the humans labelled (the validation page of run {source.runId}). {JUDGE_METHODS.roganGladen.name}: the
              interval adds the binomial uncertainty of Se and Sp on that sample to the raw rate&apos;s (delta method), so it is wider when
              few transcripts were checked by humans ({JUDGE_METHODS.roganGladen.reference}).
            </>
          ) : (
            " Tick “Corrected” for the rate corrected for the judge's measured error (Rogan–Gladen)."
          )}
        </p>
      </div>
    </section>
  );
}
