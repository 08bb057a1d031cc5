import { buildSide } from "@/lib/transcripts/pair-model";
import type { Turn } from "@/lib/transcripts/types";
import { TranscriptParts } from "./transcript-parts";

/**
 * One transcript alone: its user input, then its scratchpad turns, drafts and
 * final output (the same parts the paired view shows on each side).
 */
export function TranscriptView({ query, turns }: { query: string; turns: Turn[] }) {
  const side = buildSide(turns);
  return (
    <div className="space-y-3">
      <section aria-label="User input" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">User input</h2>
        <p className="whitespace-pre-wrap break-words">{query}</p>
      </section>
      <TranscriptParts parts={side.parts} />
    </div>
  );
}
