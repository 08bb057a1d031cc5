import { z } from "zod";

/**
 * Where a chart's labels come from. Only source labels exist so far (labels
 * that arrived with imported data); human sources (one annotator, consensus)
 * plug in here as further kinds.
 */
export const labelSourceSchema = z.object({
  kind: z.literal("source"),
  /** source_labels.source */
  source: z.string().min(1),
  /** Label whose "true" means the output complied. */
  compliance: z.string().min(1),
  /** Label whose "true" means alignment-faking reasoning; optional. */
  alignmentFaking: z.string().min(1).nullable(),
});
export type LabelSource = z.infer<typeof labelSourceSchema>;

/** Names sources commonly use, so a source can be charted without configuration. */
const COMPLIANCE_NAMES = ["complied", "compliant", "compliance", "is_compliant"];
const AF_NAMES = ["alignment_faking", "af_reasoning", "af_reasoning_paper_classifier", "alignment_faking_reasoning", "af"];

export function guessLabelSource(source: string, labelNames: string[]): LabelSource | null {
  const compliance = COMPLIANCE_NAMES.find((name) => labelNames.includes(name));
  if (!compliance) return null;
  return { kind: "source", source, compliance, alignmentFaking: AF_NAMES.find((name) => labelNames.includes(name)) ?? null };
}
