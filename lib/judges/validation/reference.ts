import type { LabelDefinition } from "@/lib/annotations/schema-definition";

/**
 * A judge answers yes or no; a human label may be a choice or a scale. The
 * rule that turns a human value into "positive", per kind of label:
 * - boolean and span labels (a span label is positive when the annotator
 *   tagged at least one span of it, as the consensus view counts it);
 * - a choice: positive unless it is the first option ("no" for the AF
 *   verdict, so "partial" and "full" both count, as the paper's partial label
 *   contains the full one), or exactly the values in `positiveValues`;
 * - a scale: at least `scaleCut` (default: the upper half, so compliance 3 and
 *   4 "complies", 1 and 2 do not).
 * Anything else (a missing value, an undecided consensus) is no reference: null.
 */
export interface ReferenceRule {
  positiveValues?: readonly string[];
  scaleCut?: number;
}

export function referencePositive(definition: LabelDefinition, value: unknown, rule: ReferenceRule = {}): boolean | null {
  if (value === null || value === undefined) return null;
  switch (definition.kind) {
    case "boolean":
    case "span":
      return typeof value === "boolean" ? value : null;
    case "choice": {
      if (typeof value !== "string" || !definition.options.some((option) => option.value === value)) return null;
      if (rule.positiveValues) return rule.positiveValues.includes(value);
      return value !== definition.options[0].value;
    }
    case "scale": {
      if (typeof value !== "number" || value < definition.min || value > definition.max) return null;
      return value >= (rule.scaleCut ?? Math.ceil((definition.min + definition.max + 1) / 2));
    }
  }
}

/** How the rule reads, for the page ("positive: Partial or Full"). */
export function describeReferenceRule(definition: LabelDefinition, rule: ReferenceRule = {}): string {
  switch (definition.kind) {
    case "boolean":
      return "positive: yes";
    case "span":
      return "positive: at least one span tagged";
    case "choice": {
      const positives = definition.options.filter((option) =>
        rule.positiveValues ? rule.positiveValues.includes(option.value) : option.value !== definition.options[0].value,
      );
      return `positive: ${positives.map((option) => option.label).join(" or ")}`;
    }
    case "scale": {
      const cut = rule.scaleCut ?? Math.ceil((definition.min + definition.max + 1) / 2);
      return `positive: ${cut} or more on ${definition.min}–${definition.max}`;
    }
  }
}
