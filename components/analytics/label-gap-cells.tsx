import type { LabelRateGap, LabelRateSignificance } from "@/lib/analytics/label-rate-gaps";
import { formatP } from "@/lib/analytics/rates-table";
import { Td } from "@/components/ui/table";

const FLAG_NAME = { holm: "Holm", bh: "Benjamini–Hochberg" } as const;
const FLAG_SHORT = { holm: "Holm", bh: "BH" } as const;

const points = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(x * 100).toFixed(1)} pts`;

/** The gap (training − deployment) and its test, with the flag in words and a star (never colour alone). */
export function LabelGapCells({ gap, significance }: { gap: LabelRateGap | undefined; significance: LabelRateSignificance }) {
  const test = gap?.test;
  if (!gap || !test)
    return (
      <>
        <Td numeric className="text-slate-500">
          –
        </Td>
        <Td numeric className="text-slate-500" title="No labels in one condition: not tested, not in the family">
          not tested
        </Td>
      </>
    );
  return (
    <>
      <Td numeric data-stat="gap" className="whitespace-nowrap">
        {gap.gap === null ? "–" : points(gap.gap)}
      </Td>
      <Td numeric className={gap.flagged ? "bg-rose-50" : ""}>
        {gap.flagged && significance.flag && (
          <span
            data-flag="gap"
            className="mb-0.5 inline-block rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap text-rose-800"
          >
            ★ significant, {FLAG_SHORT[significance.flag]}
          </span>
        )}
        <span className={`block whitespace-nowrap ${gap.flagged ? "font-semibold text-rose-800" : ""}`}>
          p <span data-stat="gap_p">{formatP(test.p)}</span>
        </span>
        <span className="block text-xs whitespace-nowrap text-slate-500">
          Holm <span data-stat="gap_p_holm">{formatP(test.holm)}</span> · BH <span data-stat="gap_p_bh">{formatP(test.bh)}</span>
        </span>
      </Td>
    </>
  );
}

/** What the flags mean on this page: the test, the family and the correction chosen. */
export function LabelGapsNote({ significance, labelName }: { significance: LabelRateSignificance; labelName: string }) {
  const { flag, alpha, family } = significance;
  return (
    <p className="text-xs text-slate-500" data-testid="label-gaps-note">
      Gap = training rate minus deployment rate. Each gap is tested with Fisher&apos;s exact test (two-sided, the conditions&apos;
      transcripts as independent samples; for corrected judge rates on the judge&apos;s own k / n, since the correction maps both sides
      alike). The family corrected for multiple comparisons is this chart: the gaps of “{labelName}” in the {family} variation
      {family === 1 ? "" : "s"} shown with labels in both conditions. Holm controls the family-wise error, Benjamini–Hochberg the false
      discovery rate;{" "}
      {flag === null ? (
        <>none flagged (choose a correction above to flag).</>
      ) : (
        <>
          ★ marks a gap whose {FLAG_NAME[flag]} adjusted p ≤ {alpha}.
        </>
      )}
    </p>
  );
}
