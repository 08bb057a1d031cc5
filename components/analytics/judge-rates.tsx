import type { JudgeChart } from "@/lib/analytics/judge-chart";
import { JUDGE_METHODS } from "@/lib/judges/metrics/methods";
import { formatInterval } from "@/components/judges/validation/format";

const percent = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);

/**
 * The variation page with a judge run as its label source: the judge's rate
 * of its label per variation × condition, and with `corrected` the
 * Rogan–Gladen rate beside it, with the validation sample it rests on.
 */
export function JudgeRates({ chart }: { chart: JudgeChart }) {
  const { source, rows, validation } = chart;
  return (
    <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4" aria-label="Rates by judge">
      <h2 className="text-sm font-semibold">
        Labels: judge {source.judgeName} (run {source.runId}) · rate of “{source.labelKey}” per variation and condition
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">This run judged no transcript of this setting (with this model and dataset).</p>
      ) : (
        <table className="w-full text-sm" aria-label="Judge rates">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              <th className="py-1 pr-3 font-medium">Variation</th>
              <th className="py-1 pr-3 font-medium">Condition</th>
              <th className="py-1 pr-3 font-medium">Judged</th>
              <th className="py-1 pr-3 font-medium">Judge positive</th>
              <th className="py-1 pr-3 font-medium">Raw rate [95%]</th>
              {validation && <th className="py-1 font-medium">Corrected rate [95%]</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.variationId}/${row.condition}`}
                className="border-b border-slate-100"
                data-rate={`${row.variation}/${row.condition}`}
              >
                <td className="py-1 pr-3">{row.variation}</td>
                <td className="py-1 pr-3">{row.condition}</td>
                <td className="py-1 pr-3 tabular-nums">{row.n}</td>
                <td className="py-1 pr-3 tabular-nums">{row.positive}</td>
                <td className="py-1 pr-3 font-mono text-xs tabular-nums">{formatInterval(row.raw)}</td>
                {validation && (
                  <td className="py-1 font-mono text-xs tabular-nums">
                    {row.corrected ? formatInterval(row.corrected) : "— (needs human positives and negatives, and Se + Sp > 1)"}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="text-xs text-slate-500">
        Raw: the share of the transcripts the run judged (readable verdicts) that it called positive, with the{" "}
        {JUDGE_METHODS.proportion.name.split(" (")[0]} ({JUDGE_METHODS.proportion.reference}).
        {validation ? (
          <>
            {" "}
            Corrected with the judge&apos;s sensitivity {percent(validation.sensitivity)} and specificity {percent(validation.specificity)},
            measured against the human consensus on the validation sample: n = {validation.n} transcripts that both the run and the humans
            labelled (the validation page of run {source.runId}). {JUDGE_METHODS.roganGladen.name}: the interval adds the binomial
            uncertainty of Se and Sp on that sample to the raw rate&apos;s (delta method), so it is wider when few transcripts were checked
            by humans ({JUDGE_METHODS.roganGladen.reference}).
          </>
        ) : (
          " Tick “Corrected” for the rate corrected for the judge's measured error (Rogan–Gladen)."
        )}
      </p>
    </section>
  );
}
