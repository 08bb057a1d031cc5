import type { ReactNode } from "react";
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

/** One row of an agreement table: what it is about (a label, a variation) and its figures. */
export interface AgreementRow {
  key: string;
  name: ReactNode;
  agreement: LabelAgreement;
}

/** Rows of the per-label table: each label by its name and key. */
export const byLabelRows = (rows: LabelAgreement[]): AgreementRow[] =>
  rows.map((row) => ({
    key: row.labelKey,
    name: (
      <>
        {row.labelName} <span className="text-xs text-slate-500">{row.labelKey}</span>
      </>
    ),
    agreement: row,
  }));

/**
 * Agreement figures, each with the number of items behind it. Rows are labels (data-label = the key) or,
 * with `per` "variation", the variations of one label (data-variation = the variation id).
 */
export function AgreementTable({ rows, caption, per = "label" }: { rows: AgreementRow[]; caption: string; per?: "label" | "variation" }) {
  return (
    <Table caption={caption}>
      <THead>
        <Tr>
          <Th>{per === "label" ? "Label" : "Variation"}</Th>
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
        {rows.map(({ key, name, agreement: row }) => (
          <Tr key={key} {...{ [`data-${per}`]: key }}>
            <Td>{name}</Td>
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
