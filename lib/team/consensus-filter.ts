import { z } from "zod";
import { scalePoints, type LabelDefinition } from "@/lib/annotations/schema-definition";
import type { LabelValue } from "@/lib/annotations/values";
import { CONSENSUS_METHOD_NAMES, CONSENSUS_METHODS, type ConsensusMethod } from "./consensus-rule";

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
  return items
    .flatMap((item) => {
      const parsed = conditionSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    })
    .slice(0, 10);
}

/** One condition back as its URL value. */
export function consensusConditionParam(condition: ConsensusCondition): string {
  if ("method" in condition) return `${condition.key}:@${condition.method}`;
  const value = typeof condition.value === "boolean" ? (condition.value ? "yes" : "no") : String(condition.value);
  return `${condition.key}:${value}`;
}

/** One condition from its URL value, or undefined. */
export function parseConsensusCondition(text: string): ConsensusCondition | undefined {
  const parsed = conditionSchema.safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

/** What one label of the schema can be filtered by (URL value and a readable name): its values, then how the consensus was reached. */
export function consensusConditionOptions(label: LabelDefinition): { value: string; name: string }[] {
  const values: { value: string; name: string }[] = (() => {
    switch (label.kind) {
      case "boolean":
        return [
          { value: "yes", name: "yes" },
          { value: "no", name: "no" },
        ];
      case "span":
        return [
          { value: "yes", name: "has evidence" },
          { value: "no", name: "no evidence" },
        ];
      case "choice":
        return label.options.map((option) => ({ value: option.value, name: option.label }));
      case "scale":
        return scalePoints(label).map((point) => ({
          value: String(point.value),
          name: `${point.value}${point.label ? ` · ${point.label}` : ""}`,
        }));
    }
  })();
  return [
    ...values.map((option) => ({ value: `${label.key}:${option.value}`, name: `${label.name}: ${option.name}` })),
    ...(["adjudicated", "undecided"] as const).map((method) => ({
      value: `${label.key}:@${method}`,
      name: `${label.name}: ${CONSENSUS_METHOD_NAMES[method].toLowerCase()}`,
    })),
  ];
}
