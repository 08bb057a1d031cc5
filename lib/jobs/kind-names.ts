import { z } from "zod";

/**
 * The kinds' names alone, for what validates or filters by kind (the API's
 * query, the jobs page): importing the registry (./kinds-registry.ts) would
 * pull every handler, and with them the data they read, into the page or
 * route. The registry lists a kind for each name (its type checks that).
 */
export const JOB_KIND_NAMES = ["import", "export", "label-signatures", "judge-run"] as const;
export type JobKindName = (typeof JOB_KIND_NAMES)[number];
export const jobKindSchema = z.enum(JOB_KIND_NAMES);
