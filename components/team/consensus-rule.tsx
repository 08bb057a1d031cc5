import { CONSENSUS_RULE } from "@/lib/team/consensus-rule";

/** The consensus rule in words, wherever consensus labels are shown. */
export function ConsensusRule() {
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-900">How the consensus label is decided</summary>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        {CONSENSUS_RULE.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </details>
  );
}
