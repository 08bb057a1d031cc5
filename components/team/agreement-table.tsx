import type { LabelAgreement } from "@/lib/team/agreement/compute";
import type { MetricResult } from "@/lib/team/agreement/types";

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
    <table className="w-full text-sm">
      <caption className="mb-2 text-left font-semibold">{caption}</caption>
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1">Label</th>
          <th>Items</th>
          <th>Annotators</th>
          <th title="Cohen's kappa: exactly two annotators">Cohen κ</th>
          <th title="Fleiss' kappa over items with the usual number of ratings">Fleiss κ (n)</th>
          <th title="Krippendorff's alpha: nominal, ordinal for scales">Krippendorff α (n)</th>
          <th title="Character-level overlap F1 of the spans">Span F1 (n)</th>
          <th>Disagreements</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.labelKey} className="border-t border-slate-100" data-label={row.labelKey}>
            <td className="py-1.5">
              {row.labelName} <span className="text-xs text-slate-500">{row.labelKey}</span>
            </td>
            <td>{row.items}</td>
            <td>{row.annotators}</td>
            <td data-metric="cohen">
              {row.cohen ? (
                <>
                  {format(row.cohen)} <span className="text-xs text-slate-500">({row.cohen.items})</span>
                </>
              ) : (
                "—"
              )}
            </td>
            <td data-metric="fleiss">
              {format(row.fleiss)} <span className="text-xs text-slate-500">({row.fleiss.items})</span>
            </td>
            <td data-metric="alpha">
              {format(row.alpha)}{" "}
              <span className="text-xs text-slate-500">
                ({row.alpha.items}, {row.alpha.metric})
              </span>
            </td>
            <td data-metric="span-f1">
              {row.spanF1 ? (
                <>
                  {format(row.spanF1)} <span className="text-xs text-slate-500">({row.spanF1.items})</span>
                </>
              ) : (
                "—"
              )}
            </td>
            <td>{row.disagreements}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
