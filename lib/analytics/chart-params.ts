import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { ALPHAS, MULTIPLICITY_METHODS } from "./stats/multiplicity";
import { ANNOTATOR_PREFIX, CONSENSUS_BY, guessLabelSource, type LabelSource } from "./label-sources";
import type { ChartFilter, FilterOptions } from "./queries";

/** The significance level when the URL names none. */
export const DEFAULT_ALPHA = 0.05;

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
/** The significance fields of a page's URL (SignificanceFields): a bad value falls back to the default. */
export const significanceParams = {
  alpha: strictTestParams.alpha.catch(undefined),
  flag: strictTestParams.flag.catch(undefined),
};
const testParams = {
  ...significanceParams,
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
  /** "1", with a judge run as the source: also the Rogan–Gladen corrected rates. */
  corrected: z.literal("1").optional().catch(undefined),
  ...testParams,
});
export type ChartParams = z.infer<typeof chartParamsSchema>;

/** Pairs a source labels in a setting (0 when none). */
const coverageOf = (options: FilterOptions, source: string, settingId: number) =>
  options.coverage.find((entry) => entry.source === source && entry.settingId === settingId)?.n ?? 0;

/** The sources whose label names say which label is compliance: the ones the chart can draw. */
const chartableSources = (options: FilterOptions) =>
  options.sources.filter(({ source, names }) => guessLabelSource(source, names)?.compliance);

/**
 * Resolves the URL's choices against what exists. Unchosen, the setting and
 * the label source are picked together so that the chart shows data: a
 * setting the source labels (the one it labels most), or, with neither chosen,
 * the first setting that a chartable source labels and the source that labels
 * most of it. What the URL names is kept even if it has no data: the page then
 * says why it is empty (`emptyChartAdvice`).
 */
export function resolveChartFilter(params: ChartParams, options: FilterOptions): { filter: ChartFilter | null; problem?: string } {
  const named = options.settings.find((s) => s.slug === params.setting);
  const setting = named ?? defaultSetting(params, options) ?? options.settings[0];
  if (!setting) return { filter: null, problem: "There are no transcripts yet." };
  const labelSource = chooseLabelSource(params, options, setting.id);
  if (!labelSource) {
    return {
      filter: null,
      problem:
        "No label source with a compliance label was found. Import data that carries labels (e.g. an LLM judge's “complied”), or submit annotations with a compliance value.",
    };
  }
  return { filter: { settingId: setting.id, modelId: params.model, datasetId: params.dataset, labelSource } };
}

function defaultSetting(params: ChartParams, options: FilterOptions) {
  const named = params.source ? options.sources.find((s) => s.source === params.source) : undefined;
  if (named) {
    const best = options.settings.map((s) => ({ s, n: coverageOf(options, named.source, s.id) })).sort((a, b) => b.n - a.n)[0];
    return best && best.n > 0 ? best.s : undefined;
  }
  if (params.source) return undefined; // human labels: the first setting, as before
  const sources = chartableSources(options);
  return options.settings.find((s) => sources.some(({ source }) => coverageOf(options, source, s.id) > 0));
}

function chooseLabelSource(params: ChartParams, options: FilterOptions, settingId: number): LabelSource | null {
  if (params.source === CONSENSUS_BY && options.consensus > 0) return { kind: "consensus" };
  if (params.source?.startsWith(ANNOTATOR_PREFIX)) {
    const annotator = options.annotators.find((a) => a.id === params.source!.slice(ANNOTATOR_PREFIX.length));
    if (annotator) return { kind: "annotator", annotatorId: annotator.id, name: annotator.name };
  }
  const named = params.source ? options.sources.filter((s) => s.source === params.source) : [];
  // Unchosen: the chartable source that labels most of this setting first.
  const candidates = named.length
    ? named
    : [...options.sources].sort((a, b) => coverageOf(options, b.source, settingId) - coverageOf(options, a.source, settingId));
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

/**
 * Why a chart with this filter has no labelled transcript, and what to pick
 * instead: the settings its source labels, the sources that label its setting.
 */
export function emptyChartAdvice(
  filter: ChartFilter,
  options: FilterOptions,
): {
  reason: string;
  source: string | null;
  settings: { slug: string; name: string; n: number }[];
  sources: { source: string; n: number }[];
} {
  const setting = options.settings.find((s) => s.id === filter.settingId);
  const source = filter.labelSource.kind === "source" ? filter.labelSource.source : null;
  const settings = source
    ? options.settings.map((s) => ({ slug: s.slug, name: s.name, n: coverageOf(options, source, s.id) })).filter((s) => s.n > 0)
    : [];
  const sources = chartableSources(options)
    .map(({ source: candidate }) => ({ source: candidate, n: coverageOf(options, candidate, filter.settingId) }))
    .filter((s) => s.n > 0 && s.source !== source);
  const narrowed = filter.modelId !== undefined || filter.datasetId !== undefined;
  const reason = source
    ? `No transcript of the setting “${setting?.name ?? "?"}”${narrowed ? " with this model and dataset" : ""} has pairs labelled by “${source}”.`
    : `No transcript of the setting “${setting?.name ?? "?"}”${narrowed ? " with this model and dataset" : ""} has these human labels yet.`;
  return { reason, source, settings, sources };
}
