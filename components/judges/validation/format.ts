import type { Interval } from "@/lib/analytics/stats/intervals";

/** "0.812 [0.701, 0.889]"; "—" where a figure is undefined (an empty denominator). */
export function formatInterval(interval: Interval | null, digits = 3): string {
  if (!interval) return "—";
  return `${interval.estimate.toFixed(digits)} [${interval.lower.toFixed(digits)}, ${interval.upper.toFixed(digits)}]`;
}
