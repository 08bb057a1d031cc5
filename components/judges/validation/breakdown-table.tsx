import Link from "next/link";
import type { JudgeCell } from "@/lib/judges/validation/judge-filter";
import type { BreakdownGroup } from "@/lib/judges/validation/report";
import { formatInterval } from "./format";
import { Table, Tbody, Td, Th, THead, Tr } from "@/components/ui/table";

/** Per variation and condition: n, the four cells (each a link), and the main figures with intervals. */
export function BreakdownTable({
  groups,
  hrefOf,
}: {
  groups: BreakdownGroup[];
  hrefOf: (cell: JudgeCell, group: BreakdownGroup) => string;
}) {
  const cells: [JudgeCell, keyof BreakdownGroup["figures"]["matrix"]][] = [
    ["tp", "truePositive"],
    ["fp", "falsePositive"],
    ["fn", "falseNegative"],
    ["tn", "trueNegative"],
  ];
  return (
    <div className="overflow-x-auto">
      <Table aria-label="Per variation and condition">
        <THead>
          <tr>
            <Th>Variation</Th>
            <Th>Condition</Th>
            <Th numeric>n</Th>
            <Th numeric>TP</Th>
            <Th numeric>FP</Th>
            <Th numeric>FN</Th>
            <Th numeric>TN</Th>
            <Th>Precision</Th>
            <Th>Recall</Th>
            <Th>Kappa</Th>
            <Th>AUROC</Th>
          </tr>
        </THead>
        <Tbody>
          {groups.map((group) => (
            <Tr key={`${group.variation}/${group.condition}`} data-group={`${group.variation}/${group.condition}`}>
              <Td>{group.variation}</Td>
              <Td>{group.condition}</Td>
              <Td numeric>{group.figures.n}</Td>
              {cells.map(([cell, key]) => (
                <Td key={cell} numeric>
                  <Link href={hrefOf(cell, group)} className="text-indigo-700 hover:underline" data-cell={cell}>
                    {group.figures.matrix[key]}
                  </Link>
                </Td>
              ))}
              <Td className="font-mono text-xs tabular-nums">{formatInterval(group.figures.figures.precision, 2)}</Td>
              <Td className="font-mono text-xs tabular-nums">{formatInterval(group.figures.figures.recall, 2)}</Td>
              <Td className="font-mono text-xs tabular-nums">{formatInterval(group.figures.figures.kappa, 2)}</Td>
              <Td className="font-mono text-xs tabular-nums">{formatInterval(group.figures.auroc, 2)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </div>
  );
}
