import Link from "next/link";
import type { RunValidation } from "@/lib/access/judge-validation";
import { JUDGE_METHODS } from "@/lib/judges/metrics/methods";
import { formatInterval } from "./format";
import { Table, Tbody, Td, Th, THead, Tr } from "@/components/ui/table";

/** The judge's raw rate per variation and condition over the whole run, and the Rogan–Gladen corrected rate beside it. */
export function CorrectedRates({
  rates,
  hrefOf,
}: {
  rates: NonNullable<RunValidation["rates"]>;
  hrefOf: (variationId: number, condition: string) => string;
}) {
  return (
    <div className="space-y-2">
      <Table aria-label="Raw and corrected rates">
        <THead>
          <tr>
            <Th>Variation</Th>
            <Th>Condition</Th>
            <Th numeric>Judged</Th>
            <Th numeric>Judge positive</Th>
            <Th>Raw rate [95%]</Th>
            <Th>Corrected rate [95%]</Th>
          </tr>
        </THead>
        <Tbody>
          {rates.rows.map((row) => (
            <Tr key={`${row.variationId}/${row.condition}`} data-rate={`${row.variation}/${row.condition}`}>
              <Td>{row.variation}</Td>
              <Td>{row.condition}</Td>
              <Td numeric>{row.n}</Td>
              <Td numeric>
                <Link href={hrefOf(row.variationId, row.condition)} className="text-indigo-700 hover:underline">
                  {row.positive}
                </Link>
              </Td>
              <Td className="font-mono text-xs tabular-nums">{formatInterval(row.raw)}</Td>
              <Td className="font-mono text-xs tabular-nums">
                {row.corrected ? formatInterval(row.corrected) : "— (needs human positives and negatives, and Se + Sp > 1)"}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      <p className="text-xs text-slate-500">
        Corrected with the sensitivity and specificity measured above on {rates.validationN} human-labelled transcripts.{" "}
        {JUDGE_METHODS.roganGladen.name} ({JUDGE_METHODS.roganGladen.reference}). Raw: {JUDGE_METHODS.proportion.name.split(" (")[0]}.
      </p>
    </div>
  );
}
