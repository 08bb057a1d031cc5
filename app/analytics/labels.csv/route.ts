import { loadLabelRates } from "@/lib/analytics/load-label-rates";
import { labelRatesCsv } from "@/lib/analytics/prepare-label-rates";
import { labelRateParamsSchema } from "@/lib/analytics/label-rate-params";
import { withSession } from "@/lib/auth/route";

/** The "any label" chart's numbers as CSV, for the same URL parameters as the page. */
export const GET = withSession("lead", async (request: Request) => {
  const params = labelRateParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { filter, problem, series } = await loadLabelRates(params);
  if (!filter) return Response.json({ error: problem }, { status: 404 });
  return new Response(labelRatesCsv(series), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="label-rates.csv"' },
  });
});
