import { chartParamsSchema } from "@/lib/analytics/chart-params";
import { loadVariationChart } from "@/lib/analytics/load-variation-chart";
import { statisticsCsv } from "@/lib/analytics/statistics-csv";
import { withSession } from "@/lib/auth/route";

/** The variation chart's numbers as CSV, for the same URL parameters as the page. */
export const GET = withSession("lead", async (request: Request) => {
  const params = chartParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { filter, problem, statistics, reference } = await loadVariationChart(params);
  if (!filter) return Response.json({ error: problem }, { status: 404 });
  return new Response(statisticsCsv(statistics, reference), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="variation-rates.csv"' },
  });
});
