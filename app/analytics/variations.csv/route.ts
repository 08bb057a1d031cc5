import { chartParamsSchema, resolveChartFilter } from "@/lib/analytics/chart-params";
import { prepareVariationSeries } from "@/lib/analytics/prepare-variation-chart";
import { chartFilterOptions, variationCounts } from "@/lib/analytics/queries";
import { ratesCsv, ratesRows } from "@/lib/analytics/rates-table";

/** The variation chart's numbers as CSV, for the same URL parameters as the page. */
export async function GET(request: Request) {
  const params = chartParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const options = await chartFilterOptions();
  const { filter, problem } = resolveChartFilter(params, options);
  if (!filter) return Response.json({ error: problem }, { status: 404 });
  const csv = ratesCsv(ratesRows(prepareVariationSeries(await variationCounts(filter))));
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="variation-rates.csv"' },
  });
}
