import { UserFacingError } from "@/lib/auth/errors";
import { loadVariationChart } from "@/lib/analytics/load-variation-chart";
import { statisticsJson } from "@/lib/analytics/statistics-json";
import { apiJson, parseInput, withApiAuth } from "@/lib/api/route";
import { queryObject, statisticsQuerySchema } from "@/lib/api/schemas";

/**
 * GET /api/v1/statistics/variations: per variation of a setting, the counts,
 * rates, intervals (plain and clustered), tests and adjusted p-values the
 * variation chart shows, prepared by the same function (lib/analytics).
 */
export const GET = withApiAuth("lead", async (request) => {
  const params = parseInput(statisticsQuerySchema, queryObject(request.url), "query");
  const { filter, problem, statistics } = await loadVariationChart(params);
  if (!filter) throw new UserFacingError(problem ?? "Nothing to count.", 404);
  return apiJson(statisticsJson(filter, statistics));
});
