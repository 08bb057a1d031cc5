import { variationChart } from "@/lib/access/analytics";
import { statisticsJson } from "@/lib/analytics/statistics-json";
import { statisticsAnswer } from "@/lib/api/answers";
import { statisticsQuerySchema } from "@/lib/api/schemas";
import { notFound } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

/**
 * GET /api/v1/statistics/variations: per variation of a setting, the counts,
 * rates, intervals (plain and clustered), tests and adjusted p-values the
 * variation chart shows, prepared by the same function (lib/analytics).
 */
export const GET = route(
  { auth: "token-or-session", role: "lead", query: statisticsQuerySchema, output: statisticsAnswer },
  async ({ query }) => {
    const { filter, problem, statistics } = await variationChart(query);
    if (!filter) throw notFound(problem ?? "Nothing to count.");
    return statisticsJson(filter, statistics);
  },
);
