import { ALPHAS } from "@/lib/analytics/stats/multiplicity";
import type { ChartStatistics } from "@/lib/analytics/variation-statistics";
import { fieldClass, selectClass } from "./chart-scope-fields";

/** The chart's multiple-comparison options (plain GET fields of the chart's form). */
export function SignificanceFields({ statistics }: { statistics: ChartStatistics }) {
  const withAf = statistics.variations.filter((v) => v.afRate);
  return (
    <>
      <label className={fieldClass}>
        Flag significant
        <select name="flag" defaultValue={statistics.flag ?? ""} className={selectClass}>
          <option value="">none</option>
          <option value="holm">after Holm (family-wise)</option>
          <option value="bh">after Benjamini–Hochberg (FDR)</option>
        </select>
      </label>
      <label className={fieldClass}>
        at α
        <select name="alpha" defaultValue={String(statistics.alpha)} className={selectClass}>
          {ALPHAS.map((alpha) => (
            <option key={alpha} value={alpha}>
              {alpha}
            </option>
          ))}
        </select>
      </label>
      {withAf.length > 1 && (
        <label className={fieldClass}>
          AF rates against
          <select name="vs" defaultValue={statistics.baseline?.variationId} className={selectClass}>
            {withAf.map((v) => (
              <option key={v.variationId} value={v.variationId}>
                {v.name}
                {v.isBaseline ? " (baseline)" : ""}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
