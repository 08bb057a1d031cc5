import { ALPHAS } from "@/lib/analytics/stats/multiplicity";
import type { ChartStatistics } from "@/lib/analytics/variation-statistics";
import { fieldClass, selectClass } from "./chart-scope-fields";

/**
 * The chart's multiple-comparison options (plain GET fields of the chart's form). Flag and α come
 * from the URL; `children` is the baseline field, which needs the counts and so may stream in later.
 */
export function SignificanceFields({ flag, alpha, children }: { flag: "holm" | "bh" | null; alpha: number; children?: React.ReactNode }) {
  return (
    <>
      <label className={fieldClass}>
        Flag significant
        <select name="flag" defaultValue={flag ?? ""} className={selectClass}>
          <option value="">none</option>
          <option value="holm">after Holm (family-wise)</option>
          <option value="bh">after Benjamini–Hochberg (FDR)</option>
        </select>
      </label>
      <label className={fieldClass}>
        at α
        <select name="alpha" defaultValue={String(alpha)} className={selectClass}>
          {ALPHAS.map((alpha) => (
            <option key={alpha} value={alpha}>
              {alpha}
            </option>
          ))}
        </select>
      </label>
      {children}
    </>
  );
}

/** Which variation the AF rates are tested against: offered where two or more variations have an AF rate. */
export function BaselineField({ statistics }: { statistics: ChartStatistics }) {
  const withAf = statistics.variations.filter((v) => v.afRate);
  if (withAf.length < 2) return null;
  return (
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
  );
}
