import { formatInterval } from "./format";
import type { PairedComparison } from "@/lib/judges/validation/paired";

/** Two runs on the same transcripts: their figures side by side and the paired differences. */
export function ComparisonTable({
  first,
  second,
  comparison,
}: {
  first: { id: number; judgeName: string };
  second: { id: number; judgeName: string };
  comparison: PairedComparison;
}) {
  const rows: [string, string, string][] = [
    ["Accuracy", formatInterval(comparison.first.figures.accuracy), formatInterval(comparison.second.figures.accuracy)],
    ["Precision", formatInterval(comparison.first.figures.precision), formatInterval(comparison.second.figures.precision)],
    ["Recall", formatInterval(comparison.first.figures.recall), formatInterval(comparison.second.figures.recall)],
    ["Cohen's kappa", formatInterval(comparison.first.figures.kappa), formatInterval(comparison.second.figures.kappa)],
    ["AUROC", formatInterval(comparison.first.auroc), formatInterval(comparison.second.auroc)],
  ];
  const a = comparison.agreement;
  return (
    <div className="space-y-2 text-sm" aria-label="Side by side">
      <p className="text-slate-600">
        Paired on the {comparison.n} transcripts both runs judged and humans labelled: both right {a.bothRight}, only #{first.id}{" "}
        {a.firstOnly}, only #{second.id} {a.secondOnly}, both wrong {a.bothWrong}.
      </p>
      <table className="w-full">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th className="py-1 pr-4 font-medium">Figure</th>
            <th className="py-1 pr-4 font-medium">
              #{first.id} {first.judgeName}
            </th>
            <th className="py-1 font-medium">
              #{second.id} {second.judgeName}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, one, two]) => (
            <tr key={name} className="border-b border-slate-100">
              <td className="py-1 pr-4">{name}</td>
              <td className="py-1 pr-4 font-mono tabular-nums">{one}</td>
              <td className="py-1 font-mono tabular-nums">{two}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-slate-600">
        Accuracy difference {formatInterval(comparison.accuracyDifference)} (Newcombe’s paired interval, method 10); McNemar exact p ={" "}
        {comparison.mcnemarP === null ? "—" : comparison.mcnemarP.toPrecision(3)}
        {comparison.aurocDifference && <> · AUROC difference {formatInterval(comparison.aurocDifference)} (DeLong, paired)</>}.
      </p>
    </div>
  );
}
