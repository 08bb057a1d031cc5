import { variationChart } from "@/lib/access/analytics";
import { chartParamsSchema } from "@/lib/analytics/chart-params";
import { statisticsCsv } from "@/lib/analytics/statistics-csv";
import { notFound } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

/** The variation chart's numbers as CSV, for the same URL parameters as the page. */
export const GET = route({ auth: "session", role: "lead", query: chartParamsSchema }, async ({ query }) => {
  const { filter, problem, statistics, reference } = await variationChart(query);
  if (!filter) throw notFound(problem ?? "Nothing to count.");
  return new Response(statisticsCsv(statistics, reference), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="variation-rates.csv"' },
  });
});
