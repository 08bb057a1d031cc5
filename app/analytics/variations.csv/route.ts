import { variationChart, variationChartByJudge } from "@/lib/access/analytics";
import { chartParamsSchema } from "@/lib/analytics/chart-params";
import { judgeRatesCsv } from "@/lib/analytics/judge-rates-csv";
import { parseJudgeSource } from "@/lib/analytics/judge-source";
import { statisticsCsv } from "@/lib/analytics/statistics-csv";
import { notFound } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

const csv = (body: string, fileName: string) =>
  new Response(body, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
  });

/** The variation chart's numbers as CSV, for the same URL parameters as the page (a judge run's rates with `source=@judge:<run>`). */
export const GET = route({ auth: "session", role: "lead", query: chartParamsSchema }, async ({ query }) => {
  if (parseJudgeSource(query.source) !== null) {
    const { judge } = await variationChartByJudge(query);
    if (!judge) throw notFound(`No finished judge run ${query.source} with predictions in this scope.`);
    return csv(judgeRatesCsv(judge), "judge-rates.csv");
  }
  const { filter, problem, statistics, reference } = await variationChart(query);
  if (!filter) throw notFound(problem ?? "Nothing to count.");
  return csv(statisticsCsv(statistics, reference), "variation-rates.csv");
});
