import Link from "next/link";
import type { ConfusionMatrix } from "@/lib/judges/metrics/confusion";
import type { JudgeCell } from "@/lib/judges/validation/judge-filter";

/** The 2×2 table, judge by human; every count opens the transcripts it counts. */
export function ConfusionMatrixTable({ matrix, hrefOf }: { matrix: ConfusionMatrix; hrefOf: (cell: JudgeCell) => string }) {
  const cell = (key: JudgeCell, count: number, name: string) => (
    <td className="border border-slate-200 px-4 py-2 text-center">
      <Link
        href={hrefOf(key)}
        className="text-lg font-semibold text-indigo-700 hover:underline"
        data-cell={key}
        aria-label={`${name}: ${count}`}
      >
        {count}
      </Link>
      <div className="text-xs text-slate-500">{name}</div>
    </td>
  );
  return (
    <table className="border-collapse text-sm" aria-label="Confusion matrix">
      <thead>
        <tr>
          <th className="px-3 py-1" />
          <th className="px-3 py-1 font-medium text-slate-600">Human: yes</th>
          <th className="px-3 py-1 font-medium text-slate-600">Human: no</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th className="px-3 py-1 text-right font-medium text-slate-600">Judge: yes</th>
          {cell("tp", matrix.truePositive, "true positive")}
          {cell("fp", matrix.falsePositive, "false positive")}
        </tr>
        <tr>
          <th className="px-3 py-1 text-right font-medium text-slate-600">Judge: no</th>
          {cell("fn", matrix.falseNegative, "false negative")}
          {cell("tn", matrix.trueNegative, "true negative")}
        </tr>
      </tbody>
    </table>
  );
}
