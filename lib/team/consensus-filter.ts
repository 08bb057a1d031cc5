import { z } from "zod";
import type { LabelValue } from "@/lib/annotations/values";
import { CONSENSUS_METHODS, type ConsensusMethod } from "./consensus-rule";

/**
 * Table filter on consensus labels, as URL state (pure; the SQL is
 * lib/team/consensus.ts `consensusFilterSql`). Repeatable `consensus` param:
 *
 * - `af_verdict:full`, `compliance:4`, `unmonitored_unmasking:yes`,
 *   `criterion_a:yes` (a span label's consensus is "has evidence"): the
 *   consensus value is this (whatever the method, "one annotator only" included);
 * - `af_verdict:@undecided`, `af_verdict:@adjudicated`, ...: reached this way.
 */
export type ConsensusCondition = { key: string; value: LabelValue } | { key: string; method: ConsensusMethod };

const conditionSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}:@?[a-z0-9_]{1,40}$/)
  .transform((text, context): ConsensusCondition | typeof z.NEVER => {
    const [key, raw] = text.split(":");
    if (raw.startsWith("@")) {
      const method = raw.slice(1);
      if ((CONSENSUS_METHODS as readonly string[]).includes(method)) return { key, method: method as ConsensusMethod };
      context.addIssue({ code: "custom", message: "unknown consensus method" });
      return z.NEVER;
    }
    if (raw === "yes" || raw === "no") return { key, value: raw === "yes" };
    if (/^\d+$/.test(raw)) return { key, value: Number(raw) };
    return { key, value: raw };
  });

/** Reads `consensus` params; anything malformed is ignored rather than failing the page. */
export function parseConsensusFilter(searchParams: Record<string, string | string[] | undefined>): ConsensusCondition[] {
  const raw = searchParams.consensus;
  const items = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return items.flatMap((item) => {
    const parsed = conditionSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  }).slice(0, 10);
}

/** One condition back as its URL value. */
export function consensusConditionParam(condition: ConsensusCondition): string {
  if ("method" in condition) return `${condition.key}:@${condition.method}`;
  const value = typeof condition.value === "boolean" ? (condition.value ? "yes" : "no") : String(condition.value);
  return `${condition.key}:${value}`;
}
