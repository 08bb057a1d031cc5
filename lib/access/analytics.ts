import "server-only";
import type { ChartParams } from "@/lib/analytics/chart-params";
import type { ChartFilter } from "@/lib/analytics/queries";
import type { LabelRateParams } from "@/lib/analytics/label-rate-params";
import { loadLabelRates } from "@/lib/analytics/load-label-rates";
import { listJudgeSources, loadJudgeChart, settingJudgedMost } from "@/lib/analytics/judge-chart";
import { parseJudgeSource } from "@/lib/analytics/judge-source";
import { loadVariationChart } from "@/lib/analytics/load-variation-chart";
import { viewerWithRole } from "./viewer";

/**
 * Charts, their tables, CSVs and the statistics API: leads only. They count
 * human labels of every annotator (and imported ones beside them); their
 * drill-downs open the transcripts table, which applies the same rule again.
 */
export async function variationChart(params: ChartParams) {
  await viewerWithRole("lead");
  const [chart, judgeSources] = await Promise.all([loadVariationChart(params), listJudgeSources()]);
  return { ...chart, judgeSources, judge: null };
}

/**
 * The variation page with a judge run as its label source (`source=@judge:<id>`):
 * the scope fields resolve as for any chart, the rates are the run's. Judge
 * verdicts are lead data like the /judges pages (annotators may not see them
 * while they label), so leads only, as every chart.
 */
export async function variationChartByJudge(params: ChartParams) {
  await viewerWithRole("lead");
  const runId = parseJudgeSource(params.source);
  const setting = params.setting ?? (runId === null ? undefined : await settingJudgedMost(runId));
  const [chart, judgeSources] = await Promise.all([loadVariationChart({ ...params, setting, source: undefined }), listJudgeSources()]);
  const chosen = chart.options.settings.find((s) => s.slug === setting) ?? chart.options.settings[0];
  // The scope fields need a filter even where no other label source could chart this setting: its label source is unused.
  const filter: ChartFilter | null =
    chart.filter ??
    (chosen ? { settingId: chosen.id, modelId: params.model, datasetId: params.dataset, labelSource: { kind: "consensus" } } : null);
  const source = judgeSources.find((option) => option.runId === runId);
  const judge = source && filter ? await loadJudgeChart(source, filter, params.corrected === "1") : null;
  return { ...chart, filter, judgeSources, judge };
}

export async function labelRates(params: LabelRateParams) {
  await viewerWithRole("lead");
  return loadLabelRates(params);
}
