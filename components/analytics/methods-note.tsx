import { METHODS, type MethodKey } from "@/lib/analytics/methods";
import type { ChartStatistics } from "@/lib/analytics/variation-statistics";

const ORDER: MethodKey[] = [
  "wilson",
  "newcombe-paired",
  "newcombe-independent",
  "design-effect",
  "mcnemar-exact",
  "fisher-exact",
  "holm",
  "bh",
];

/** What the table's numbers are, in a sentence, with every method named and referenced below it. */
export function MethodsNote({ statistics }: { statistics: ChartStatistics }) {
  const flagged =
    statistics.flag === null
      ? "none flagged"
      : `flagged where the ${statistics.flag === "holm" ? "Holm" : "Benjamini–Hochberg"} p ≤ ${statistics.alpha}`;
  return (
    <>
      Rates with 95% intervals: Wilson score intervals; the compliance gap (training minus deployment) by Newcombe&apos;s method 10, paired
      when every labelled transcript has its labelled partner, else for independent samples. Where a query has several samples (both models,
      repeated samples), a second interval treats the query as the unit (&quot;by query&quot;, its n the number of queries). AF reasoning is
      counted in training, and only when the output complies; &quot;–&quot; where there is no label to count. The p-values (the gap:
      McNemar&apos;s exact test when paired, else Fisher&apos;s; AF against {statistics.baseline?.name ?? "the baseline"}: Fisher&apos;s)
      are adjusted across the chart by Holm and by Benjamini–Hochberg ({flagged}). The exact tests treat transcripts as independent: where
      the interval by query is much wider, trust it over the p-value.
      <details className="mt-1">
        <summary className="cursor-pointer text-indigo-700">Methods and references</summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {ORDER.map((key) => (
            <li key={key}>
              <span className="font-medium text-slate-700">{METHODS[key].name}</span>: {METHODS[key].reference}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
