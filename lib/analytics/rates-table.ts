import { csvFile } from "@/lib/csv/write";
import { GAP_METHOD_LABEL, type VariationSeries } from "./prepare-variation-chart";
import type { Interval } from "./intervals";

/** The numbers of the chart as rows, shared by the on-page table and the CSV download. */
/** Published values for a variation, in percent (compliance = 100 − non-compliance). */
export interface ReferenceRates {
  label: string;
  afReasoning: number | null;
  complianceTraining: number | null;
  complianceDeployment: number | null;
  complianceGap: number | null;
}

export interface RatesRow {
  variation: string;
  baseline: boolean;
  nTraining: number;
  nDeployment: number;
  afRate: Interval | null;
  complianceTraining: Interval | null;
  complianceDeployment: Interval | null;
  complianceGap: Interval | null;
  gapMethod: string | null;
  reference: ReferenceRates | null;
}

/** The published row's fields, as stored (percentages). */
export interface PublishedRates {
  variation: string;
  afReasoningPct: number | null;
  noncomplianceTrainingPct: number | null;
  noncomplianceUnmonitoredPct: number | null;
  complianceGapPct: number | null;
}

export function toReferenceRates(row: PublishedRates): ReferenceRates {
  const complement = (x: number | null) => (x === null ? null : 100 - x);
  return {
    label: row.variation,
    afReasoning: row.afReasoningPct,
    complianceTraining: complement(row.noncomplianceTrainingPct),
    complianceDeployment: complement(row.noncomplianceUnmonitoredPct),
    complianceGap: row.complianceGapPct,
  };
}

export function ratesRows(series: VariationSeries[], reference: Map<number, ReferenceRates | null> = new Map()): RatesRow[] {
  return series.map((s) => ({
    variation: s.name,
    baseline: s.isBaseline,
    nTraining: s.bars[0].n,
    nDeployment: s.bars[1].n,
    afRate: s.afRate,
    complianceTraining: s.complianceTraining,
    complianceDeployment: s.complianceDeployment,
    complianceGap: s.complianceGap,
    gapMethod: s.complianceGap ? GAP_METHOD_LABEL[s.complianceGap.method] : null,
    reference: reference.get(s.variationId) ?? null,
  }));
}

const percent = (x: number) => (x * 100).toFixed(1);

/** "paper 11.9% · Δ +1.3" — the measured estimate minus the published value, in points. */
export function formatReference(measured: Interval | null, published: number | null | undefined): string | null {
  if (published == null) return null;
  if (!measured) return `paper ${published.toFixed(1)}%`;
  const delta = measured.estimate * 100 - published;
  return `paper ${published.toFixed(1)}% · Δ ${delta >= 0 ? "+" : ""}${delta.toFixed(1)}`;
}

/** "11.9% [10.7, 13.2]" — a rate is never shown without its interval. */
export function formatInterval(interval: Interval | null, signed = false): string {
  if (!interval) return "–";
  const sign = signed && interval.estimate > 0 ? "+" : "";
  return `${sign}${percent(interval.estimate)}% [${percent(interval.lower)}, ${percent(interval.upper)}]`;
}

const CSV_HEADER = [
  "variation",
  "baseline",
  "n_training",
  "n_deployment",
  "af_rate",
  "af_rate_low",
  "af_rate_high",
  "compliance_training",
  "compliance_training_low",
  "compliance_training_high",
  "compliance_deployment",
  "compliance_deployment_low",
  "compliance_deployment_high",
  "compliance_gap",
  "compliance_gap_low",
  "compliance_gap_high",
  "gap_interval_method",
  "reference_variation",
  "reference_af_rate",
  "reference_compliance_training",
  "reference_compliance_deployment",
  "reference_compliance_gap",
];

const triple = (interval: Interval | null) =>
  interval ? [interval.estimate, interval.lower, interval.upper].map((x) => Number(x.toFixed(6))) : [null, null, null];

export function ratesCsv(rows: RatesRow[]): string {
  const lines = rows.map((row) => [
    row.variation,
    row.baseline,
    row.nTraining,
    row.nDeployment,
    ...triple(row.afRate),
    ...triple(row.complianceTraining),
    ...triple(row.complianceDeployment),
    ...triple(row.complianceGap),
    row.gapMethod,
    row.reference?.label ?? null,
    ...[
      row.reference?.afReasoning,
      row.reference?.complianceTraining,
      row.reference?.complianceDeployment,
      row.reference?.complianceGap,
    ].map((x) => (x == null ? null : x / 100)),
  ]);
  return csvFile(CSV_HEADER, lines);
}
