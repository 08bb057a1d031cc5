import Link from "next/link";
import type { JudgeRateRow } from "@/lib/judges/validation/corrected";
import { formatInterval } from "./format";
import { Table, Tbody, Td, Th, THead, Tr } from "@/components/ui/table";

/**
 * A judge's raw rate per variation and condition, and with `corrected` the Rogan–Gladen
 * rate beside it: the table of the run's validation page and of /analytics with a judge
 * run as its source. `positiveHref`, when given, links each positive count to its transcripts.
 */
export function JudgeRateTable({
  label,
  rows,
  corrected,
  positiveHref,
}: {
  label: string;
  rows: readonly JudgeRateRow[];
  corrected: boolean;
  positiveHref?: (row: JudgeRateRow) => string;
}) {
  return (
    <Table aria-label={label}>
      <THead>
        <tr>
          <Th>Variation</Th>
          <Th>Condition</Th>
          <Th numeric>Judged</Th>
          <Th numeric>Judge positive</Th>
          <Th>Raw rate [95%]</Th>
          {corrected && <Th>Corrected rate [95%]</Th>}
        </tr>
      </THead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={`${row.variationId}/${row.condition}`} data-rate={`${row.variation}/${row.condition}`}>
            <Td>{row.variation}</Td>
            <Td>{row.condition}</Td>
            <Td numeric>{row.n}</Td>
            <Td numeric>
              {positiveHref ? (
                <Link href={positiveHref(row)} className="text-indigo-700 hover:underline">
                  {row.positive}
                </Link>
              ) : (
                row.positive
              )}
            </Td>
            <Td className="font-mono text-xs tabular-nums">{formatInterval(row.raw)}</Td>
            {corrected && (
              <Td className="font-mono text-xs tabular-nums">
                {row.corrected ? formatInterval(row.corrected) : "— (needs human positives and negatives, and Se + Sp > 1)"}
              </Td>
            )}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
