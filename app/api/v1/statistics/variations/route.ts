import { variationChart } from "@/lib/access/analytics";
import { statisticsAnswer } from "@/lib/api/answers";
import { statisticsQuerySchema } from "@/lib/api/schemas";
import { notFound } from "@/lib/server/errors";
import { route } from "@/lib/server/route";

/**
 * GET /api/v1/statistics/variations: per variation of a setting, the counts,
 * rates and confidence intervals the variation chart shows (lib/analytics).
 */
export const GET = route(
  { auth: "token-or-session", role: "lead", query: statisticsQuerySchema, output: statisticsAnswer },
  async ({ query }) => {
    const { filter, problem, series } = await variationChart(query);
    if (!filter) throw notFound(problem ?? "Nothing to count.");
    return { filter, variations: series };
  },
);
