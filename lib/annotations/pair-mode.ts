import { conditionSchema, type Condition } from "@/lib/schemas";

/**
 * Which side of a pair the viewer is annotating, or null while only reading.
 * Kept in a session cookie (read by the server, so the page renders in the
 * right mode at once): moving to the next pair keeps annotating the same side.
 */
export const PAIR_MODE_COOKIE = "af_pair_annotate";
export type PairMode = Condition | null;

export function parsePairMode(value: string | undefined): PairMode {
  const parsed = conditionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
