import Link from "next/link";
import type { RunValidation } from "@/lib/access/judge-validation";
import { JUDGE_METHODS } from "@/lib/judges/metrics/methods";
import { formatInterval } from "./format";

/** The judge's raw rate per variation and condition over the whole run, and the Rogan–Gladen corrected rate beside it. */
export function CorrectedRates({
  rates,
  hrefOf,
}: {
  rates: NonNullable<RunValidation["rates"]>;
  hrefOf: (variationId: number, condition: string) => string;
}) {
  return (
    <div className="space-y-2">
      <table className="w-full text-sm" aria-label="Raw and corrected rates">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th className="py-1 pr-3 font-medium">Variation</th>
            <th className="py-1 pr-3 font-medium">Condition</th>
            <th className="py-1 pr-3 font-medium">Judged</th>
            <th className="py-1 pr-3 font-medium">Judge positive</th>
            <th className="py-1 pr-3 font-medium">Raw rate [95%]</th>
            <th className="py-1 font-medium">Corrected rate [95%]</th>
          </tr>
        </thead>
        <tbody>
          {rates.rows.map((row) => (
            <tr
              key={`${row.variationId}/${row.condition}`}
              className="border-b border-slate-100"
              data-rate={`${row.variation}/${row.condition}`}
            >
              <td className="py-1 pr-3">{row.variation}</td>
              <td className="py-1 pr-3">{row.condition}</td>
              <td className="py-1 pr-3 tabular-nums">{row.n}</td>
              <td className="py-1 pr-3 tabular-nums">
                <Link href={hrefOf(row.variationId, row.condition)} className="text-indigo-700 hover:underline">
                  {row.positive}
                </Link>
              </td>
              <td className="py-1 pr-3 font-mono text-xs tabular-nums">{formatInterval(row.raw)}</td>
              <td className="py-1 font-mono text-xs tabular-nums">
                {row.corrected ? formatInterval(row.corrected) : "— (needs human positives and negatives, and Se + Sp > 1)"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        Corrected with the sensitivity and specificity measured above on {rates.validationN} human-labelled transcripts.{" "}
        {JUDGE_METHODS.roganGladen.name} ({JUDGE_METHODS.roganGladen.reference}). Raw: {JUDGE_METHODS.proportion.name.split(" (")[0]}.
      </p>
    </div>
  );
}
