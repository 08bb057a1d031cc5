import "server-only";
import type { ChartParams } from "@/lib/analytics/chart-params";
import type { ChartFilter } from "@/lib/analytics/queries";
import type { LabelRateParams } from "@/lib/analytics/label-rate-params";
import { loadLabelRates } from "@/lib/analytics/load-label-rates";
import { listJudgeSources, loadJudgeChart, settingJudgedMost } from "@/lib/analytics/judge-chart";
import { parseJudgeSource } from "@/lib/analytics/judge-source";
import { loadChartScope, loadVariationChart, type ChartScope } from "@/lib/analytics/load-variation-chart";
import { oncePerRequest } from "@/lib/server/request-scope";
import { viewerWithRole } from "./viewer";

/**
 * Charts, their tables, CSVs and the statistics API: leads only. They count
 * human labels of every annotator (and imported ones beside them); their
 * drill-downs open the transcripts table, which applies the same rule again.
 */
export async function variationChart(params: ChartParams) {
  await viewerWithRole("lead");
  const [chart, judgeSources] = await Promise.all([loadVariationChart(params, chartScope(params)), judgeSourcesOnce()]);
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
  const setting = await judgedSetting(params, runId);
  const humanParams = { ...params, setting, source: undefined };
  const [chart, judgeSources] = await Promise.all([loadVariationChart(humanParams, chartScope(humanParams)), judgeSourcesOnce()]);
  const filter = judgeScopeFilter(chart, params, setting);
  const source = judgeSources.find((option) => option.runId === runId);
  const judge = source && filter ? await loadJudgeChart(source, filter, params.corrected === "1") : null;
  return { ...chart, filter, judgeSources, judge };
}

/**
 * What the /analytics filters need before anything is counted, for either kind of label source:
 * the choices, the filter they show, the judge runs and the chosen one. The page streams the
 * chart and its table (variationChart / variationChartByJudge) after it.
 */
export async function variationChartScope(params: ChartParams) {
  await viewerWithRole("lead");
  const runId = parseJudgeSource(params.source);
  if (runId === null) {
    const [scope, judgeSources] = await Promise.all([chartScope(params), judgeSourcesOnce()]);
    return { ...scope, judgeSources, judgeSource: null };
  }
  const setting = await judgedSetting(params, runId);
  const [scope, judgeSources] = await Promise.all([chartScope({ ...params, setting, source: undefined }), judgeSourcesOnce()]);
  const judgeSource = judgeSources.find((option) => option.runId === runId) ?? null;
  return { ...scope, filter: judgeScopeFilter(scope, params, setting), judgeSources, judgeSource };
}

/**
 * The /analytics page asks for the scope twice in one request, for its filters (variationChartScope)
 * and for the chart streamed after them (variationChart): both get one read of the choices, the
 * reference series and the judge runs. A CSV or an API call asks once, and gets the same answer.
 */
const chartScope = (params: ChartParams): Promise<ChartScope> =>
  oncePerRequest(`analytics:chart-scope:${JSON.stringify(params)}`, () => loadChartScope(params));
const judgeSourcesOnce = () => oncePerRequest("analytics:judge-sources", listJudgeSources);

/** A judge run charts the setting it judged most unless the URL names one. */
const judgedSetting = async (params: ChartParams, runId: number | null) =>
  params.setting ??
  (runId === null ? undefined : await oncePerRequest(`analytics:judged-setting:${runId}`, () => settingJudgedMost(runId)));

/** The scope fields need a filter even where no other label source could chart this setting: its label source is unused. */
function judgeScopeFilter(
  scope: Pick<Awaited<ReturnType<typeof loadChartScope>>, "filter" | "options">,
  params: ChartParams,
  setting: string | undefined,
): ChartFilter | null {
  const chosen = scope.options.settings.find((s) => s.slug === setting) ?? scope.options.settings[0];
  return (
    scope.filter ??
    (chosen ? { settingId: chosen.id, modelId: params.model, datasetId: params.dataset, labelSource: { kind: "consensus" } } : null)
  );
}

export async function labelRates(params: LabelRateParams) {
  await viewerWithRole("lead");
  return loadLabelRates(params);
}
