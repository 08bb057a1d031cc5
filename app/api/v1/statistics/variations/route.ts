import { variationChart, variationChartByJudge } from "@/lib/access/analytics";
import { JUDGE_PREFIX, parseJudgeSource } from "@/lib/analytics/judge-source";
import { judgeRatesJson } from "@/lib/analytics/judge-rates-json";
import { statisticsJson } from "@/lib/analytics/statistics-json";
import { variationStatisticsAnswer } from "@/lib/api/answers";
import { statisticsQuerySchema } from "@/lib/api/schemas";
import { invalid, notFound } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

/**
 * GET /api/v1/statistics/variations: per variation of a setting, the counts,
 * rates, intervals (plain and clustered), tests and adjusted p-values the
 * variation chart shows, prepared by the same function (lib/analytics). With
 * `source=@judge:<run>` the chart by judge instead: the run's rate per
 * variation × condition and (`corrected=1`) the Rogan–Gladen rate, the
 * numbers of variations.csv for the same URL.
 */
export const GET = route(
  { auth: "token-or-session", role: "lead", query: statisticsQuerySchema, output: variationStatisticsAnswer },
  async ({ query }) => {
    if (query.source?.startsWith(JUDGE_PREFIX)) {
      const runId = parseJudgeSource(query.source);
      if (runId === null)
        throw invalid(`source: “${query.source}” names no judge run; write @judge:<run id>.`, [
          { path: "source", message: "Not a run id." },
        ]);
      const { filter, judge } = await variationChartByJudge(query);
      if (!judge || !filter) throw notFound(`No finished judge run ${runId} with predictions in this scope.`);
      // The filter's label source is a placeholder (variationChartByJudge): the scope is what it says.
      const scope = { settingId: filter.settingId, modelId: filter.modelId, datasetId: filter.datasetId };
      return judgeRatesJson(scope, judge, query.corrected === "1");
    }
    if (query.corrected)
      throw invalid("corrected: only a judge run's rates are corrected; pass source=@judge:<run id>.", [
        { path: "corrected", message: "Needs a judge source." },
      ]);
    const { filter, problem, statistics } = await variationChart(query);
    if (!filter) throw notFound(problem ?? "Nothing to count.");
    return statisticsJson(filter, statistics);
  },
);
