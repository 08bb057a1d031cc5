import { JUDGE_METHODS } from "@/lib/judges/metrics/methods";
import type { ValidationFigures } from "@/lib/judges/validation/report";
import { formatInterval } from "./format";
import { Table, Tbody, Td, Th, THead, Tr } from "@/components/ui/table";

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
    <Table aria-label="Figures">
      <THead>
        <tr>
          <Th>Figure</Th>
          <Th>Estimate [95% interval]</Th>
          <Th>Method</Th>
        </tr>
      </THead>
      <Tbody>
        {rows.map(([name, value, method]) => (
          <Tr key={name} data-figure={name}>
            <Td>{name}</Td>
            <Td className="font-mono tabular-nums">{value}</Td>
            <Td className="text-xs text-slate-500">{method}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
