import type { LabelAgreement } from "@/lib/team/agreement/compute";
import type { MetricResult } from "@/lib/team/agreement/types";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

const format = (result: MetricResult | null) =>
  result === null ? (
    "—"
  ) : result.value === null ? (
    <span title="not defined for these ratings (e.g. all the same)">n/a</span>
  ) : (
    result.value.toFixed(3)
  );

/** Agreement per label: each figure with the number of items behind it. */
export function AgreementTable({ rows, caption }: { rows: LabelAgreement[]; caption: string }) {
  return (
    <Table caption={caption}>
      <THead>
        <Tr>
          <Th>Label</Th>
          <Th>Items</Th>
          <Th>Annotators</Th>
          <Th title="Cohen's kappa: exactly two annotators">Cohen κ</Th>
          <Th title="Fleiss' kappa over items with the usual number of ratings">Fleiss κ (n)</Th>
          <Th title="Krippendorff's alpha: nominal, ordinal for scales">Krippendorff α (n)</Th>
          <Th title="Character-level overlap F1 of the spans">Span F1 (n)</Th>
          <Th>Disagreements</Th>
        </Tr>
      </THead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.labelKey} data-label={row.labelKey}>
            <Td>
              {row.labelName} <span className="text-xs text-slate-500">{row.labelKey}</span>
            </Td>
            <Td>{row.items}</Td>
            <Td>{row.annotators}</Td>
            <Td data-metric="cohen">
              {row.cohen ? (
                <>
                  {format(row.cohen)} <span className="text-xs text-slate-500">({row.cohen.items})</span>
                </>
              ) : (
                "—"
              )}
            </Td>
            <Td data-metric="fleiss">
              {format(row.fleiss)} <span className="text-xs text-slate-500">({row.fleiss.items})</span>
            </Td>
            <Td data-metric="alpha">
              {format(row.alpha)}{" "}
              <span className="text-xs text-slate-500">
                ({row.alpha.items}, {row.alpha.metric})
              </span>
            </Td>
            <Td data-metric="span-f1">
              {row.spanF1 ? (
                <>
                  {format(row.spanF1)} <span className="text-xs text-slate-500">({row.spanF1.items})</span>
                </>
              ) : (
                "—"
              )}
            </Td>
            <Td>{row.disagreements}</Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
