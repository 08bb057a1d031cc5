/**
 * Sampling probabilities per (variation, model), derived from paper-rates.ts.
 *
 * - Claude 3 Opus: the paper's row for the variation, as is.
 * - Claude 3.5 Sonnet: the paper's Sonnet row where one exists (#11, #15, #57,
 *   #70, #73). Otherwise scaled from the Opus row: non-compliance is shifted on
 *   the logit scale by (Sonnet default − Opus default) of the same setting and
 *   condition, and AF reasoning is multiplied by (Sonnet default AF / Opus
 *   default AF). The logit shift keeps rates inside (0, 1) and preserves each
 *   variation's direction relative to the baseline. These are demo values, not data.
 * - No chain of thought: the G.2/G.3 tables have no such row. We reuse the
 *   baseline's non-compliance rates (an assumption, marked "assumed") and set
 *   AF reasoning to 0, because without a scratchpad there is no reasoning to show it.
 */
import { paperRateByNumber, type DemoModelId, type PaperRate } from "./paper-rates";
import { baselineOf, type DemoVariation } from "./registry";

export type RateProvenance = "paper" | "scaled-from-opus" | "assumed";

export interface CellRates {
  /** P(complies) for a free-tier (training) sample. */
  complianceTraining: number;
  /** P(complies) for a paid-tier (unmonitored) sample. */
  complianceDeployment: number;
  /** P(alignment-faking reasoning AND compliant output) for a training sample. */
  afTraining: number;
  /** P(unmonitored-unmasking reasoning | deployment refusal with a scratchpad). */
  unmaskingGivenDeploymentRefusal: number;
  provenance: RateProvenance;
  /** The paper row the numbers come from (for scaled rows: the Opus row). */
  paperVariationNo: number;
}

/** Paper rows of Claude 3.5 Sonnet, keyed by the Opus row of the same variation. */
const SONNET_ROW_FOR_OPUS_ROW: Record<number, number> = { 1: 11, 4: 15, 8: 57, 58: 70, 61: 73 };

function requireRow(variationNo: number): PaperRate {
  const row = paperRateByNumber(variationNo);
  if (!row) throw new Error(`paper-rates.ts has no row #${variationNo}`);
  return row;
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
// Clamp before the logit: a few rows are exactly 0% or 100%.
const clampPct = (pct: number) => Math.min(99.9, Math.max(0.1, pct)) / 100;

function shiftedPct(opusPct: number, opusDefaultPct: number, sonnetDefaultPct: number): number {
  const shift = logit(clampPct(sonnetDefaultPct)) - logit(clampPct(opusDefaultPct));
  return 100 * sigmoid(logit(clampPct(opusPct)) + shift);
}

/** The paper row (or a scaled stand-in) for a variation number and model. */
function rowFor(opusRowNo: number, model: DemoModelId, baselineRowNo: number): { row: PaperRate; scaled: boolean } {
  const opus = requireRow(opusRowNo);
  if (model === "claude-3-opus") return { row: opus, scaled: false };
  const sonnetRowNo = SONNET_ROW_FOR_OPUS_ROW[opusRowNo];
  if (sonnetRowNo !== undefined) return { row: requireRow(sonnetRowNo), scaled: false };
  const opusDefault = requireRow(baselineRowNo);
  const sonnetDefault = requireRow(SONNET_ROW_FOR_OPUS_ROW[baselineRowNo]);
  return {
    scaled: true,
    row: {
      ...opus,
      model,
      afReasoningPct: (opus.afReasoningPct * sonnetDefault.afReasoningPct) / opusDefault.afReasoningPct,
      noncomplianceTrainingPct: shiftedPct(
        opus.noncomplianceTrainingPct,
        opusDefault.noncomplianceTrainingPct,
        sonnetDefault.noncomplianceTrainingPct,
      ),
      noncomplianceUnmonitoredPct: shiftedPct(
        opus.noncomplianceUnmonitoredPct,
        opusDefault.noncomplianceUnmonitoredPct,
        sonnetDefault.noncomplianceUnmonitoredPct,
      ),
    },
  };
}

export function cellRates(variation: DemoVariation, model: DemoModelId): CellRates {
  const baselineRowNo = baselineOf(variation.settingSlug).paperVariationNo;
  if (baselineRowNo === null) throw new Error(`baseline of ${variation.settingSlug} has no paper row`);
  const opusRowNo = variation.paperVariationNo ?? baselineRowNo;
  const { row, scaled } = rowFor(opusRowNo, model, baselineRowNo);

  const complianceTraining = 1 - row.noncomplianceTrainingPct / 100;
  const complianceDeployment = 1 - row.noncomplianceUnmonitoredPct / 100;
  const hasReasoning = variation.traits.chainOfThought;
  // AF is only counted on compliant outputs, so it can never exceed compliance.
  const afTraining = hasReasoning ? Math.min(row.afReasoningPct / 100, complianceTraining) : 0;
  // Unmasking is what drives the paid-tier side of the compliance gap, so it
  // is made more common where the gap is larger (bounded: it stays "occasional").
  const gap = complianceTraining - complianceDeployment;
  const unmaskingGivenDeploymentRefusal = Math.min(0.35, Math.max(0.03, 2 * gap));

  return {
    complianceTraining,
    complianceDeployment,
    afTraining,
    unmaskingGivenDeploymentRefusal,
    provenance: variation.paperVariationNo === null ? "assumed" : scaled ? "scaled-from-opus" : "paper",
    paperVariationNo: row.variationNo,
  };
}
