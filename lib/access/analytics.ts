import "server-only";
import type { ChartParams } from "@/lib/analytics/chart-params";
import type { LabelRateParams } from "@/lib/analytics/label-rate-params";
import { loadLabelRates } from "@/lib/analytics/load-label-rates";
import { loadVariationChart } from "@/lib/analytics/load-variation-chart";
import { viewerWithRole } from "./viewer";

/**
 * Charts, their tables, CSVs and the statistics API: leads only. They count
 * human labels of every annotator (and imported ones beside them); their
 * drill-downs open the transcripts table, which applies the same rule again.
 */
export async function variationChart(params: ChartParams) {
  await viewerWithRole("lead");
  return loadVariationChart(params);
}

export async function labelRates(params: LabelRateParams) {
  await viewerWithRole("lead");
  return loadLabelRates(params);
}
