import "server-only";
import type { ChartParams } from "./chart-params";
import { resolveChartFilter } from "./chart-params";
import { prepareVariationSeries } from "./prepare-variation-chart";
import { chartFilterOptions, variationCounts } from "./queries";
import { toReferenceRates, type ReferenceRates } from "./rates-table";
import { matchReference } from "./reference";
import { listReferenceSeries, referenceRows } from "./reference-store";

/** Everything the variation chart page and its CSV need, for one URL state. */
export async function loadVariationChart(params: ChartParams) {
  const [options, referenceSeries] = await Promise.all([chartFilterOptions(), listReferenceSeries()]);
  const { filter, problem } = resolveChartFilter(params, options);
  const series = filter ? prepareVariationSeries(await variationCounts(filter)) : [];
  const settingSlug = options.settings.find((s) => s.id === filter?.settingId)?.slug;
  const chosen = referenceSeries.find((s) => s.id === params.ref);
  const refModel = chosen && (params.refModel && chosen.models.includes(params.refModel) ? params.refModel : chosen.models[0]);
  let reference = new Map<number, ReferenceRates | null>();
  if (chosen && refModel && settingSlug) {
    const matched = matchReference(series, await referenceRows(chosen.id, settingSlug, refModel));
    reference = new Map([...matched].map(([id, row]) => [id, row && toReferenceRates(row)]));
  }
  return { options, filter, problem, series, referenceSeries, reference, chosenRef: chosen?.id, refModel };
}
