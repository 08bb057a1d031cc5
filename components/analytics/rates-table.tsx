import type { Interval } from "@/lib/analytics/intervals";
import { formatInterval, formatReference, type RatesRow } from "@/lib/analytics/rates-table";

const SMALL_N = 30;

/** The chart's numbers, accessible and copyable; small samples are flagged. */
export function RatesTable({ rows }: { rows: RatesRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="px-4 py-2 text-left text-xs text-slate-500">
          Rates with 95% intervals: Wilson score intervals for each rate. The compliance gap (training minus deployment) uses
          Newcombe&apos;s hybrid score interval (method 10): the paired version when every labelled transcript has its labelled partner,
          which accounts for the pairing, else the version for independent samples. AF reasoning is counted in training, and only when the
          output complies.
        </caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">Variation</th>
            <th className="px-3 py-2 text-right font-medium">n train / deploy</th>
            <th className="px-3 py-2 text-right font-medium">AF reasoning (training)</th>
            <th className="px-3 py-2 text-right font-medium">Complies, training</th>
            <th className="px-3 py-2 text-right font-medium">Complies, deployment</th>
            <th className="px-3 py-2 text-right font-medium">Compliance gap</th>
            <th className="px-3 py-2 font-medium">Gap interval</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 whitespace-nowrap tabular-nums">
          {rows.map((row) => (
            <tr key={row.variation}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                {row.variation}
                {row.baseline && <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-700">baseline</span>}
              </th>
              <td className="px-3 py-1.5 text-right">
                {row.nTraining} / {row.nDeployment}
                {Math.min(row.nTraining, row.nDeployment) < SMALL_N && (
                  <span
                    title={`fewer than ${SMALL_N} labelled transcripts: wide intervals`}
                    className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800"
                  >
                    small n
                  </span>
                )}
              </td>
              <RateCell value={row.afRate} published={row.reference?.afReasoning} />
              <RateCell value={row.complianceTraining} published={row.reference?.complianceTraining} />
              <RateCell value={row.complianceDeployment} published={row.reference?.complianceDeployment} />
              <RateCell value={row.complianceGap} published={row.reference?.complianceGap} signed strong />
              <td className="px-3 py-1.5 text-xs text-slate-500">{row.gapMethod ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RateCell({
  value,
  published,
  signed = false,
  strong = false,
}: {
  value: Interval | null;
  published?: number | null;
  signed?: boolean;
  strong?: boolean;
}) {
  const reference = formatReference(value, published);
  return (
    <td className={`px-3 py-1.5 text-right ${strong ? "font-medium" : ""}`}>
      {formatInterval(value, signed)}
      {reference && <span className="block text-xs font-normal text-indigo-700">{reference}</span>}
    </td>
  );
}
