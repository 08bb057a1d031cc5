import { z } from "zod";
import { idSchema } from "@/lib/schemas";
import { parseListState, type ListState, type SearchParams } from "./list-state";

/**
 * The paired view's URL: `from` is the canonical query string of the list the
 * reader came from (its filters, search and sort define "next pair"), `at`
 * the transcript whose row was opened, `diff=1` shows the word diff.
 */
export interface PairViewState {
  from: string;
  list: ListState;
  at?: number;
  diff: boolean;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const schema = z.object({
  from: z.preprocess(first, z.string().max(4_000).optional()).catch(undefined),
  at: z.preprocess(first, idSchema.optional()).catch(undefined),
  diff: z.preprocess(first, z.string().optional()).catch(undefined),
});

export function parsePairViewState(params: SearchParams): PairViewState {
  const { from = "", at, diff } = schema.parse(params);
  return { from, list: parseListState(new URLSearchParams(from)), at, diff: diff === "1" };
}

export function pairHref(pairId: number, state: { from?: string; at?: number; diff?: boolean }): string {
  const params = new URLSearchParams();
  if (state.at !== undefined) params.set("at", String(state.at));
  if (state.diff) params.set("diff", "1");
  if (state.from) params.set("from", state.from);
  const query = params.toString();
  return query ? `/pairs/${pairId}?${query}` : `/pairs/${pairId}`;
}
