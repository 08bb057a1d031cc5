import { Prisma } from "@/lib/generated/prisma/client";
import { invalid } from "@/lib/server/errors";
import type { ListFilters } from "@/lib/transcripts/list-state";
import type { QueueSample } from "./schemas";

const sql = Prisma.sql;

/** The judge score's distance from the threshold under which "most uncertain" is read (the filter's @t, else 0.5). */
export const DEFAULT_UNCERTAINTY_THRESHOLD = 0.5;

/**
 * How the queue's transcripts are picked from the filter (`t` = transcripts):
 * - random / first by id;
 * - uncertain: a judge run's transcripts whose score sits nearest its threshold
 *   first (|score − t| ascending: where the judge is least sure, a human label
 *   teaches most); unscored transcripts last. Needs a `judge=RUN:…` filter;
 * - stratified: equal allocation over strata, random within each: variation ×
 *   condition, and the judge's verdict when the filter names a run. Taking the
 *   k-th random member of every stratum before any (k+1)-th gives each stratum
 *   min(its size, ~size / strata) items, so small variations are not crowded
 *   out of a validation sample by large ones.
 * Returns the FROM additions (joins) and the ORDER BY.
 */
export function sampleOrder(sample: QueueSample, filters: ListFilters): { join: Prisma.Sql; order: Prisma.Sql } {
  const run = filters.judge?.runId;
  const prediction = run === undefined ? sql`` : sql`LEFT JOIN judge_predictions jp ON jp.run_id = ${run}::int AND jp.transcript_id = t.id`;
  switch (sample) {
    case "first":
      return { join: sql``, order: sql`t.id` };
    case "random":
      return { join: sql``, order: sql`random()` };
    case "uncertain": {
      if (run === undefined)
        throw invalid("“Most uncertain first” needs a judge run in the filter (judge=RUN:judged@THRESHOLD, from the validation page).");
      const threshold = filters.judge?.threshold ?? DEFAULT_UNCERTAINTY_THRESHOLD;
      return { join: prediction, order: sql`abs(jp.score - ${threshold}::float8) ASC NULLS LAST, t.id` };
    }
    case "stratified": {
      const strata = run === undefined ? sql`t.variation_id, t.condition` : sql`t.variation_id, t.condition, jp.verdict`;
      return { join: prediction, order: sql`row_number() OVER (PARTITION BY ${strata} ORDER BY random()), random()` };
    }
  }
}
