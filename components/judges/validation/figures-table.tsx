import { JUDGE_METHODS } from "@/lib/judges/metrics/methods";
import type { ValidationFigures } from "@/lib/judges/validation/report";
import { formatInterval } from "./format";

/** Precision, recall, … with their 95% intervals and the method behind each. */
export function FiguresTable({ figures }: { figures: ValidationFigures }) {
  const f = figures.figures;
  const rows: [string, string, string][] = [
    ["Precision", formatInterval(f.precision), JUDGE_METHODS.proportion.name],
    ["Recall (sensitivity)", formatInterval(f.recall), JUDGE_METHODS.proportion.name],
    ["Specificity", formatInterval(f.specificity), JUDGE_METHODS.proportion.name],
    ["Negative predictive value", formatInterval(f.negativePredictiveValue), JUDGE_METHODS.proportion.name],
    ["Accuracy", formatInterval(f.accuracy), JUDGE_METHODS.proportion.name],
    ["F1", formatInterval(f.f1), JUDGE_METHODS.f1.name],
    ["Cohen's kappa", formatInterval(f.kappa), JUDGE_METHODS.kappa.name],
  ];
  if (figures.auroc) rows.push(["AUROC", formatInterval(figures.auroc), JUDGE_METHODS.auroc.name]);
  if (figures.precisionRecall)
    rows.push(["Average precision", figures.precisionRecall.averagePrecision.toFixed(3), JUDGE_METHODS.averagePrecision.name]);
  return (
    <table className="w-full text-sm" aria-label="Figures">
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
          <th className="py-1 pr-4 font-medium">Figure</th>
          <th className="py-1 pr-4 font-medium">Estimate [95% interval]</th>
          <th className="py-1 font-medium">Method</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, value, method]) => (
          <tr key={name} className="border-b border-slate-100" data-figure={name}>
            <td className="py-1 pr-4">{name}</td>
            <td className="py-1 pr-4 font-mono tabular-nums">{value}</td>
            <td className="py-1 text-xs text-slate-500">{method}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
