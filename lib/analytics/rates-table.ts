import type { Interval } from "./stats/intervals";

/** How the variation chart's numbers are written, on the page and in the CSV. */

/** Published values for a variation, in percent (compliance = 100 − non-compliance). */
export interface ReferenceRates {
  label: string;
  afReasoning: number | null;
  complianceTraining: number | null;
  complianceDeployment: number | null;
  complianceGap: number | null;
  /** Published refusals per condition with a 95% interval (±1.96 SE) when the file has one: the chart's marker at the refuses segment's end. */
  refuses: Record<"training" | "deployment", PublishedMark | null>;
}

/** A published value in percent and, when the file gives its standard error, its 95% interval. */
export interface PublishedMark {
  value: number;
  interval: [lower: number, upper: number] | null;
}

/** The published row's fields, as stored (percentages). */
export interface PublishedRates {
  variation: string;
  afReasoningPct: number | null;
  noncomplianceTrainingPct: number | null;
  noncomplianceUnmonitoredPct: number | null;
  complianceGapPct: number | null;
  noncomplianceTrainingSe?: number | null;
  noncomplianceUnmonitoredSe?: number | null;
}

const Z95 = 1.959964;

function mark(value: number | null, se: number | null | undefined): PublishedMark | null {
  if (value === null) return null;
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  return { value, interval: se == null ? null : [clamp(value - Z95 * se), clamp(value + Z95 * se)] };
}

export function toReferenceRates(row: PublishedRates): ReferenceRates {
  const complement = (x: number | null) => (x === null ? null : 100 - x);
  return {
    label: row.variation,
    afReasoning: row.afReasoningPct,
    complianceTraining: complement(row.noncomplianceTrainingPct),
    complianceDeployment: complement(row.noncomplianceUnmonitoredPct),
    complianceGap: row.complianceGapPct,
    refuses: {
      training: mark(row.noncomplianceTrainingPct, row.noncomplianceTrainingSe),
      deployment: mark(row.noncomplianceUnmonitoredPct, row.noncomplianceUnmonitoredSe),
    },
  };
}

const percent = (x: number) => (x * 100).toFixed(1);

/** "Appendix G 11.9% · Δ +1.3" — under the series' own name, the measured estimate minus the published value, in points. */
export function formatReference(seriesName: string, measured: Interval | null, published: number | null | undefined): string | null {
  if (published == null) return null;
  if (!measured) return `${seriesName} ${published.toFixed(1)}%`;
  const delta = measured.estimate * 100 - published;
  return `${seriesName} ${published.toFixed(1)}% · Δ ${delta >= 0 ? "+" : ""}${delta.toFixed(1)}`;
}

/** "11.9% [10.7, 13.2]" — a rate is never shown without its interval. */
export function formatInterval(interval: Interval | null, signed = false): string {
  if (!interval) return "–";
  const sign = signed && interval.estimate > 0 ? "+" : "";
  return `${sign}${percent(interval.estimate)}% [${percent(interval.lower)}, ${percent(interval.upper)}]`;
}

/** "[9.8, 14.3]": the bounds alone (the clustered interval shares the plain one's estimate). */
export function formatBounds(interval: Pick<Interval, "lower" | "upper"> | null): string {
  return interval ? `[${percent(interval.lower)}, ${percent(interval.upper)}]` : "–";
}

/** "0.0123", "< 0.0001": a p-value as the table prints it (the CSV and the API give it in full). */
export function formatP(p: number | null | undefined): string {
  if (p == null) return "–";
  if (p < 0.0001) return "< 0.0001";
  return p >= 0.1 ? p.toFixed(2) : p.toPrecision(2);
}

/** A fraction with 6 decimals, as the CSV writes it (null stays empty). */
export const csvNumber = (x: number | null | undefined) => (x == null ? null : Number(x.toFixed(6)));
/** A p-value with 6 significant digits: tiny ones stay distinguishable (1.2e-61). */
export const csvP = (p: number | null | undefined) => (p == null ? null : Number(p.toPrecision(6)));
