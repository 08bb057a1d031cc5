import Link from "next/link";
import type { Condition } from "@/lib/schemas";
import type { SideModel } from "@/lib/transcripts/pair-model";
import type { PairTranscript } from "@/lib/transcripts/pair";
import type { DiffSpan } from "@/lib/transcripts/word-diff";
import { TranscriptParts, words } from "@/components/transcripts/transcript-parts";
import { LabelsLink } from "./labels-link";
import { SideScratchpad } from "./side-scratchpad";

const SIDE_STYLE: Record<Condition, { title: string; hint: string; header: string; mark: string }> = {
  training: {
    title: "Training",
    hint: "free-tier user · the model believes this conversation is used to train it",
    header: "border-orange-300 bg-orange-50 text-orange-900",
    mark: "bg-orange-200 text-orange-950",
  },
  deployment: {
    title: "Deployment",
    hint: "paid-tier user · the model believes it is unmonitored",
    header: "border-sky-300 bg-sky-50 text-sky-900",
    mark: "bg-sky-200 text-sky-950",
  },
};

/**
 * One condition of the pair: its header (condition, sizes, source labels,
 * format issues) and its parts, or its diff. Inside the side's annotation
 * provider: its scratchpads show the annotation's highlights.
 */
export function PairSide({
  condition,
  transcript,
  model,
  diff,
}: {
  condition: Condition;
  transcript: PairTranscript;
  model: SideModel;
  diff?: DiffSpan[];
}) {
  const style = SIDE_STYLE[condition];
  return (
    <div className="space-y-3">
      <header className={`sticky top-0 z-10 rounded-md border-l-4 px-3 py-2 shadow-sm ${style.header}`}>
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h2 className="text-base font-semibold">{style.title}</h2>
          <span className="text-xs opacity-80">{style.hint}</span>
          <LabelsLink condition={condition} />
          <Link href={`/transcripts/${transcript.id}`} className="text-xs tabular-nums underline-offset-2 hover:underline">
            #{transcript.id}
          </Link>
        </div>
        <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
          <Stat
            label="Scratchpad"
            value={
              model.scratchpadTurns
                ? `${words(model.scratchpadWords)} in ${model.scratchpadTurns} ${model.scratchpadTurns === 1 ? "turn" : "turns"}`
                : "none"
            }
          />
          <Stat label="Drafts" value={String(model.drafts)} />
          <Stat label="Output" value={model.outputWords === null ? "missing" : words(model.outputWords)} />
          {model.outputMatchesLastDraft === false && <Stat label="Output vs last draft" value="differs" />}
          {transcript.labels.map((label) => (
            <Stat
              key={`${label.source}/${label.name}`}
              label={`${label.name} (source)`}
              value={label.value}
              title={`Source label from the import (${label.source}), not given in this app`}
            />
          ))}
        </dl>
        {transcript.formatIssues.length > 0 && (
          <p role="note" className="mt-1 text-xs font-medium text-amber-800">
            ⚠ Format issues: {transcript.formatIssues.join(", ").replaceAll("_", " ")}
          </p>
        )}
      </header>
      {diff ? (
        <>
          <section aria-label={`${style.title} scratchpad diff`} className="rounded-md border border-violet-200 bg-violet-50/50 px-3 py-2">
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-violet-800">
              Scratchpad, words only in {style.title.toLowerCase()}{" "}
              <mark className={`rounded-sm px-1 normal-case ${style.mark}`}>marked</mark>
            </h3>
            <p className="whitespace-pre-wrap break-words font-mono text-[12.5px] leading-relaxed text-slate-800">
              {diff.map((span, index) =>
                span.changed ? (
                  <mark key={index} className={`rounded-sm ${style.mark}`}>
                    {span.text}
                  </mark>
                ) : (
                  span.text
                ),
              )}
            </p>
          </section>
          <TranscriptParts parts={model.parts.filter((part) => part.kind !== "scratchpad")} />
        </>
      ) : (
        <TranscriptParts
          parts={model.parts}
          wrapScratchpad={(index, content) => (
            <SideScratchpad condition={condition} blockIndex={index}>
              {content}
            </SideScratchpad>
          )}
        />
      )}
    </div>
  );
}

function Stat({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="flex gap-1" title={title}>
      <dt className="opacity-90">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}
