import Link from "next/link";
import type { ConfusionMatrix } from "@/lib/judges/metrics/confusion";
import type { JudgeCell } from "@/lib/judges/validation/judge-filter";
import { Table, Tbody, Td, Th, THead } from "@/components/ui/table";

/** The 2×2 table, judge by human; every count opens the transcripts it counts. */
export function ConfusionMatrixTable({ matrix, hrefOf }: { matrix: ConfusionMatrix; hrefOf: (cell: JudgeCell) => string }) {
  const cell = (key: JudgeCell, count: number, name: string) => (
    <Td className="border border-slate-200 text-center">
      <Link
        href={hrefOf(key)}
        className="text-lg font-semibold text-indigo-700 hover:underline"
        data-cell={key}
        aria-label={`${name}: ${count}`}
      >
        {count}
      </Link>
      <div className="text-xs text-slate-500">{name}</div>
    </Td>
  );
  return (
    // A 2×2 grid, not a list: as wide as its cells (w-auto! over the kit's full width), every cell bordered.
    <Table aria-label="Confusion matrix" className="w-auto! border-collapse">
      <THead>
        <tr>
          <Th>
            <span className="sr-only">Judge by human</span>
          </Th>
          <Th className="text-center">Human: yes</Th>
          <Th className="text-center">Human: no</Th>
        </tr>
      </THead>
      <Tbody>
        <tr>
          <Th scope="row" className="text-right text-xs text-slate-500 uppercase">
            Judge: yes
          </Th>
          {cell("tp", matrix.truePositive, "true positive")}
          {cell("fp", matrix.falsePositive, "false positive")}
        </tr>
        <tr>
          <Th scope="row" className="text-right text-xs text-slate-500 uppercase">
            Judge: no
          </Th>
          {cell("fn", matrix.falseNegative, "false negative")}
          {cell("tn", matrix.trueNegative, "true negative")}
        </tr>
      </Tbody>
    </Table>
  );
}
