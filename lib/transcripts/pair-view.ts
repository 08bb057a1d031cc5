import "server-only";
import type { ListScope } from "./list-scope";
import { listHref } from "./list-state";
import { buildSide, type SideModel } from "./pair-model";
import { getNeighbours, getPair, getSiblings, type Neighbour, type PairDetail, type PairSibling } from "./pair";
import { pairHref, type PairViewState } from "./pair-state";
import { diffScratchpads, type ScratchpadDiff } from "./word-diff";

export interface PairView {
  pair: PairDetail;
  sides: { training: SideModel | null; deployment: SideModel | null };
  siblings: PairSibling[];
  diff: ScratchpadDiff | null;
  links: { previous: string | null; next: string | null; list: string; toggleDiff: string | null };
}

/**
 * Everything the paired view shows, from the database and the pure models:
 * the page renders it, bench/pair.ts times it. Neighbours are found with the
 * list's own query builder, so "next pair" follows the list the reader came from.
 */
export async function loadPairView(pairId: number, view: PairViewState, scope: ListScope): Promise<PairView | null> {
  // With the row the reader came from known, neighbours need not wait for the pair.
  const early = view.at !== undefined ? getNeighbours(view.list, scope, view.at, pairId) : null;
  const pair = await getPair(pairId);
  if (!pair) return null;
  const anchor = view.at ?? pair.training?.id ?? pair.deployment?.id;
  const [siblings, neighbours] = await Promise.all([
    getSiblings(pair),
    early ?? (anchor !== undefined ? getNeighbours(view.list, scope, anchor, pairId) : Promise.resolve({ previous: null, next: null })),
  ]);
  const both = pair.training !== null && pair.deployment !== null;
  const to = (neighbour: Neighbour | null) =>
    neighbour ? pairHref(neighbour.pairId, { at: neighbour.transcriptId, from: view.from, diff: view.diff }) : null;
  return {
    pair,
    sides: { training: pair.training && buildSide(pair.training.turns), deployment: pair.deployment && buildSide(pair.deployment.turns) },
    siblings,
    diff: view.diff && both ? diffScratchpads(pair.training!.scratchpadText, pair.deployment!.scratchpadText) : null,
    links: {
      previous: to(neighbours.previous),
      next: to(neighbours.next),
      list: listHref(view.list),
      toggleDiff: both ? pairHref(pairId, { at: view.at, from: view.from, diff: !view.diff }) : null,
    },
  };
}
