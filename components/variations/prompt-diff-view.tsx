import type { PromptDiff } from "@/lib/transcripts/prompt-diff";

/** Renders a prepared diff: additions green, removals struck red, unchanged stretches folded. Text only. */
export function PromptDiffView({ diff }: { diff: PromptDiff }) {
  return (
    <div className="whitespace-pre-wrap break-words rounded-lg border border-slate-200 bg-white p-4 font-mono text-xs leading-relaxed text-slate-700">
      {diff.segments.map((segment, index) => {
        switch (segment.kind) {
          case "added":
            return (
              <ins key={index} className="rounded-sm bg-emerald-100 text-emerald-900 no-underline">
                {segment.text}
              </ins>
            );
          case "removed":
            return (
              <del key={index} className="rounded-sm bg-red-100 text-red-800">
                {segment.text}
              </del>
            );
          case "folded":
            return (
              <details key={index} className="my-1 inline-block w-full rounded bg-slate-50 text-slate-500">
                <summary className="cursor-pointer select-none px-2 py-0.5 font-sans text-[11px]">
                  {segment.text.length.toLocaleString("en")} unchanged characters
                </summary>
                <span className="text-slate-600">{segment.text}</span>
              </details>
            );
          default:
            return <span key={index}>{segment.text}</span>;
        }
      })}
    </div>
  );
}
