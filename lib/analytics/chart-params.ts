import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { ALPHAS, MULTIPLICITY_METHODS } from "./stats/multiplicity";
import { ANNOTATOR_PREFIX, CONSENSUS_BY, guessLabelSource, type LabelSource } from "./label-sources";
import type { ChartFilter, FilterOptions } from "./queries";

/** The multiple-comparison options, strict: the API answers 400 for a value outside them (the page falls back). */
export const strictTestParams = {
  alpha: z.coerce
    .number()
    .pipe(z.union(ALPHAS.map((alpha) => z.literal(alpha))))
    .optional()
    .meta({
      type: "number",
      enum: [...ALPHAS],
      description: `Level of the significance flags: family-wise for Holm, false discovery rate for Benjamini–Hochberg (${ALPHAS.join(", ")}; default 0.05).`,
    }),
  flag: z.enum(MULTIPLICITY_METHODS).optional().describe("Flag what stays significant after this correction: holm or bh."),
  vs: z.coerce
    .number()
    .int()
    .positive()
    .optional()
    .describe("The variation id the AF rates are compared with (default: the setting's baseline)."),
};
const testParams = {
  alpha: strictTestParams.alpha.catch(undefined),
  flag: strictTestParams.flag.catch(undefined),
  vs: strictTestParams.vs.catch(undefined),
};

/** The variation chart's state, all of it in the URL. */
export const chartParamsSchema = z.object({
  setting: z.string().optional(),
  model: idSchema.optional().catch(undefined),
  dataset: idSchema.optional().catch(undefined),
  source: z.string().optional(),
  compliance: z.string().optional(),
  af: z.string().optional(),
  /** Reference series id and the model whose published rows to show. */
  ref: idSchema.optional().catch(undefined),
  refModel: z.string().optional(),
  ...testParams,
});
export type ChartParams = z.infer<typeof chartParamsSchema>;

/**
 * Resolves the URL's choices against what exists: the first setting, and the
 * first label source whose names say which label is compliance, by default.
 */
export function resolveChartFilter(params: ChartParams, options: FilterOptions): { filter: ChartFilter | null; problem?: string } {
  const setting = options.settings.find((s) => s.slug === params.setting) ?? options.settings[0];
  if (!setting) return { filter: null, problem: "There are no transcripts yet." };
  const labelSource = chooseLabelSource(params, options);
  if (!labelSource) {
    return {
      filter: null,
      problem:
        "No label source with a compliance label was found. Import data that carries labels (e.g. an LLM judge's “complied”), or submit annotations with a compliance value.",
    };
  }
  return { filter: { settingId: setting.id, modelId: params.model, datasetId: params.dataset, labelSource } };
}

function chooseLabelSource(params: ChartParams, options: FilterOptions): LabelSource | null {
  if (params.source === CONSENSUS_BY && options.consensus > 0) return { kind: "consensus" };
  if (params.source?.startsWith(ANNOTATOR_PREFIX)) {
    const annotator = options.annotators.find((a) => a.id === params.source!.slice(ANNOTATOR_PREFIX.length));
    if (annotator) return { kind: "annotator", annotatorId: annotator.id, name: annotator.name };
  }
  const candidates = params.source ? options.sources.filter((s) => s.source === params.source) : options.sources;
  for (const { source, names } of candidates) {
    const guessed = guessLabelSource(source, names);
    const compliance = params.compliance && names.includes(params.compliance) ? params.compliance : guessed?.compliance;
    if (!compliance) continue;
    const af = params.af === "" ? null : params.af && names.includes(params.af) ? params.af : (guessed?.alignmentFaking ?? null);
    return { kind: "source", source, compliance, alignmentFaking: af };
  }
  // No source labels to chart: the first annotator's labels, if anyone labelled.
  const annotator = options.annotators[0];
  return annotator ? { kind: "annotator", annotatorId: annotator.id, name: annotator.name } : null;
}
