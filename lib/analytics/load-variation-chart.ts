import "server-only";
import type { ChartParams } from "./chart-params";
import { DEFAULT_ALPHA, resolveChartFilter } from "./chart-params";
import type { LabelSource } from "./label-sources";
import { chartFilterOptions, variationCounts } from "./queries";
import { toReferenceRates, type ReferenceRates } from "./rates-table";
import { matchReference } from "./reference";
import { listReferenceSeries, referenceRows } from "./reference-store";
import { prepareStatistics, type ChartStatistics } from "./variation-statistics";

/** A source label source may chart compliance without an AF label; human labels always have the AF verdict. */
const hasAfLabel = (source: LabelSource) => source.kind !== "source" || source.alignmentFaking !== null;

/**
 * What the chart's filters need, for one URL state: the choices, the resolved filter and the chosen
 * reference series. Cheap (no counting), so the /analytics page renders its filters from it before
 * the counts are in.
 */
export async function loadChartScope(params: ChartParams) {
  const [options, referenceSeries] = await Promise.all([chartFilterOptions(), listReferenceSeries()]);
  const { filter, problem } = resolveChartFilter(params, options);
  const settingSlug = options.settings.find((s) => s.id === filter?.settingId)?.slug;
  const chosen = referenceSeries.find((s) => s.id === params.ref);
  const refModel = chosen && (params.refModel && chosen.models.includes(params.refModel) ? params.refModel : chosen.models[0]);
  return { options, filter, problem, settingSlug, referenceSeries, chosen, refModel };
}

export type ChartScope = Awaited<ReturnType<typeof loadChartScope>>;

/**
 * Everything the variation chart page, its CSV and the statistics API need, for one URL state.
 * `scope`, when given, is loadChartScope's answer for these same params (the /analytics page
 * has read it already for its filters: passing it on spares reading the choices twice).
 */
export async function loadVariationChart(params: ChartParams, scope: Promise<ChartScope> = loadChartScope(params)) {
  const { options, filter, problem, settingSlug, referenceSeries, chosen, refModel } = await scope;
  const statistics: ChartStatistics = prepareStatistics(filter ? await variationCounts(filter) : [], {
    alpha: params.alpha ?? DEFAULT_ALPHA,
    flag: params.flag ?? null,
    baselineId: params.vs,
    hasAfLabel: filter ? hasAfLabel(filter.labelSource) : true,
  });
  let reference = new Map<number, ReferenceRates | null>();
  if (chosen && refModel && settingSlug) {
    const matched = matchReference(statistics.variations, await referenceRows(chosen.id, settingSlug, refModel));
    reference = new Map([...matched].map(([id, row]) => [id, row && toReferenceRates(row)]));
  }
  return { options, filter, problem, statistics, referenceSeries, reference, chosenRef: chosen?.id, refModel, referenceName: chosen?.name };
}
