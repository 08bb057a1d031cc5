"use client";

import { useEffect, useState } from "react";
import { countQueueFilterAction } from "@/lib/team/actions";

export interface FilterMatchCount {
  transcripts: number;
  pairs: number;
}

const DEBOUNCE_MS = 350;

/**
 * The queue filter's match count, under its field: counted on the server by
 * the same SQL a queue is made with, again a moment after each edit.
 */
export function FilterMatches({ filter, initial }: { filter: string; initial: FilterMatchCount | null }) {
  const [counted, setCounted] = useState<{ filter: string; matches: FilterMatchCount | null; problem?: string }>({
    filter,
    matches: initial,
  });
  useEffect(() => {
    if (counted.filter === filter) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await countQueueFilterAction({ filter });
      if (!current) return;
      setCounted(result.ok ? { filter, matches: result.data } : { filter, matches: null, problem: result.message });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [filter, counted.filter]);
  const stale = counted.filter !== filter;
  const { matches, problem } = counted;
  return (
    <p id="queue-filter-matches" role="status" aria-live="polite" data-filter-matches className="mt-1 text-sm text-slate-700">
      {stale
        ? "Counting…"
        : problem
          ? problem
          : matches
            ? matches.transcripts === 0
              ? "No transcript matches this filter: a queue needs at least one."
              : `Matches ${matches.transcripts.toLocaleString("en")} ${matches.transcripts === 1 ? "transcript" : "transcripts"} in ${matches.pairs.toLocaleString("en")} ${matches.pairs === 1 ? "pair" : "pairs"}.`
            : null}
    </p>
  );
}
