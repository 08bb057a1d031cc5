import { formatInterval } from "./format";
import type { PairedComparison } from "@/lib/judges/validation/paired";
import { Table, Tbody, Td, Th, THead, Tr } from "@/components/ui/table";

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
      <Table aria-label={`Run #${first.id} beside run #${second.id}`}>
        <THead>
          <tr>
            <Th>Figure</Th>
            <Th>
              #{first.id} {first.judgeName}
            </Th>
            <Th>
              #{second.id} {second.judgeName}
            </Th>
          </tr>
        </THead>
        <Tbody>
          {rows.map(([name, one, two]) => (
            <Tr key={name}>
              <Td>{name}</Td>
              <Td className="font-mono tabular-nums">{one}</Td>
              <Td className="font-mono tabular-nums">{two}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <p className="text-slate-600">
        Accuracy difference {formatInterval(comparison.accuracyDifference)} (Newcombe’s paired interval, method 10); McNemar exact p ={" "}
        {comparison.mcnemarP === null ? "—" : comparison.mcnemarP.toPrecision(3)}
        {comparison.aurocDifference && <> · AUROC difference {formatInterval(comparison.aurocDifference)} (DeLong, paired)</>}.
      </p>
    </div>
  );
}
