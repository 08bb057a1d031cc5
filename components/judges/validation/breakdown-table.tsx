import Link from "next/link";
import type { JudgeCell } from "@/lib/judges/validation/judge-filter";
import type { BreakdownGroup } from "@/lib/judges/validation/report";
import { formatInterval } from "./format";

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
      <table className="w-full text-sm" aria-label="Per variation and condition">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th className="py-1 pr-3 font-medium">Variation</th>
            <th className="py-1 pr-3 font-medium">Condition</th>
            <th className="py-1 pr-3 font-medium">n</th>
            <th className="py-1 pr-3 font-medium">TP</th>
            <th className="py-1 pr-3 font-medium">FP</th>
            <th className="py-1 pr-3 font-medium">FN</th>
            <th className="py-1 pr-3 font-medium">TN</th>
            <th className="py-1 pr-3 font-medium">Precision</th>
            <th className="py-1 pr-3 font-medium">Recall</th>
            <th className="py-1 pr-3 font-medium">Kappa</th>
            <th className="py-1 font-medium">AUROC</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr
              key={`${group.variation}/${group.condition}`}
              className="border-b border-slate-100"
              data-group={`${group.variation}/${group.condition}`}
            >
              <td className="py-1 pr-3">{group.variation}</td>
              <td className="py-1 pr-3">{group.condition}</td>
              <td className="py-1 pr-3 tabular-nums">{group.figures.n}</td>
              {cells.map(([cell, key]) => (
                <td key={cell} className="py-1 pr-3 tabular-nums">
                  <Link href={hrefOf(cell, group)} className="text-indigo-700 hover:underline" data-cell={cell}>
                    {group.figures.matrix[key]}
                  </Link>
                </td>
              ))}
              <td className="py-1 pr-3 font-mono text-xs tabular-nums">{formatInterval(group.figures.figures.precision, 2)}</td>
              <td className="py-1 pr-3 font-mono text-xs tabular-nums">{formatInterval(group.figures.figures.recall, 2)}</td>
              <td className="py-1 pr-3 font-mono text-xs tabular-nums">{formatInterval(group.figures.figures.kappa, 2)}</td>
              <td className="py-1 font-mono text-xs tabular-nums">{formatInterval(group.figures.auroc, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
