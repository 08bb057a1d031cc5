import { labelRates } from "@/lib/access/analytics";
import { labelRateParamsSchema } from "@/lib/analytics/label-rate-params";
import { labelRatesCsv } from "@/lib/analytics/prepare-label-rates";
import { notFound } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

/** The "any label" chart's numbers as CSV, for the same URL parameters as the page. */
export const GET = route({ auth: "session", role: "lead", query: labelRateParamsSchema }, async ({ query }) => {
  const { filter, problem, series, gaps } = await labelRates(query);
  if (!filter) throw notFound(problem ?? "Nothing to count.");
  return new Response(labelRatesCsv(series, gaps), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="label-rates.csv"' },
  });
});
