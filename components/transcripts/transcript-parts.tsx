import type { SegmentPart, SidePart } from "@/lib/transcripts/pair-model";

/**
 * The parts of a transcript (scratchpad turns, drafts, final output), rendered
 * by switching over their kind. Model text is always React text, never HTML.
 * Long text comes in chunks the browser may skip laying out while off screen,
 * so that a 50,000-word scratchpad opens without freezing the page.
 */

const number = new Intl.NumberFormat("en");
export const words = (count: number) => `${number.format(count)} ${count === 1 ? "word" : "words"}`;

/** Wraps a scratchpad turn's content (`index` counts scratchpad blocks from 0): the paired view draws annotation highlights instead. */
export type WrapScratchpad = (index: number, content: React.ReactNode) => React.ReactNode;

export function TranscriptParts({ parts, wrapScratchpad }: { parts: SidePart[]; wrapScratchpad?: WrapScratchpad }) {
  return (
    <div className="space-y-3">
      {parts.map((part, index) => (
        <Part key={index} part={part} wrapScratchpad={wrapScratchpad} />
      ))}
    </div>
  );
}

function Part({ part, wrapScratchpad }: { part: SidePart; wrapScratchpad?: WrapScratchpad }) {
  switch (part.kind) {
    case "scratchpad":
      return (
        <details
          open
          data-collapsible
          className="group rounded-md border border-violet-200 bg-violet-50/50"
          aria-label={`Scratchpad turn ${part.turnNumber}`}
        >
          <summary className="flex cursor-pointer select-none items-center gap-2 px-3 py-1.5 text-xs text-violet-800">
            <span aria-hidden className="text-violet-400 transition-transform group-open:rotate-90">
              ▶
            </span>
            <span className="font-semibold uppercase tracking-wide">Scratchpad {part.turnNumber}</span>
            {part.field ? (
              <span className="font-mono text-violet-600">from field {part.tag}</span>
            ) : (
              part.tag !== "SCRATCHPAD_REASONING" && <span className="font-mono text-amber-700">&lt;{part.tag}&gt;</span>
            )}
            {!part.closed && <span className="rounded bg-amber-100 px-1 text-amber-800">unterminated</span>}
            <span className="ml-auto tabular-nums text-violet-700">{words(part.words)}</span>
          </summary>
          <div className="space-y-2 px-3 pb-3">
            {wrap(
              wrapScratchpad,
              part.turnNumber - 1,
              part.segments.map((segment, index) => <Segment key={index} segment={segment} />),
            )}
          </div>
        </details>
      );
    case "output":
      return (
        <section aria-label="Final output" className="rounded-md border-2 border-emerald-300 bg-white">
          <h3 className="flex items-center gap-2 border-b border-emerald-100 px-3 py-1.5 text-xs text-emerald-800">
            <span className="font-semibold uppercase tracking-wide">Final output</span>
            {!part.tagged && <span className="rounded bg-amber-100 px-1 text-amber-800">no &lt;OUTPUT&gt; tag</span>}
            {!part.closed && <span className="rounded bg-amber-100 px-1 text-amber-800">unterminated</span>}
            <span className="ml-auto tabular-nums text-emerald-700">{words(part.words)}</span>
          </h3>
          <LongText chunks={part.chunks} className="px-3 py-2 text-sm leading-relaxed" />
        </section>
      );
    case "text":
      return (
        <section aria-label="Untagged text, part of the answer" className="rounded-md border-2 border-dashed border-emerald-300 bg-white">
          <h3 className="flex flex-wrap items-center gap-2 border-b border-emerald-100 px-3 py-1.5 text-xs text-emerald-800">
            <span className="font-semibold uppercase tracking-wide">Untagged text</span>
            <span>part of the answer · {part.place}</span>
            <span className="ml-auto tabular-nums text-emerald-700">{words(part.words)}</span>
          </h3>
          <p className="whitespace-pre-wrap break-words px-3 py-2 text-sm leading-relaxed">{part.text}</p>
        </section>
      );
    case "tool_call":
      return (
        <section aria-label={`Tool call ${part.name}`} className="rounded-md border border-sky-200 bg-sky-50/60 px-3 py-2">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-sky-800">Tool call · {part.name || "(unnamed)"}</h3>
          <pre className="whitespace-pre-wrap break-words font-mono text-xs text-slate-700">{part.input}</pre>
        </section>
      );
  }
}

const wrap = (wrapper: WrapScratchpad | undefined, index: number, content: React.ReactNode) =>
  wrapper ? wrapper(index, content) : content;

function Segment({ segment }: { segment: SegmentPart }) {
  if (segment.kind === "reasoning")
    return <LongText chunks={segment.chunks} className="font-mono text-[12.5px] leading-relaxed text-slate-800" />;
  return (
    <div
      role="group"
      aria-label={`Draft output ${segment.draftNumber}`}
      className="rounded border border-dashed border-slate-400 bg-white/80"
    >
      <p className="flex items-center gap-2 border-b border-dashed border-slate-300 px-2 py-1 text-[11px] uppercase tracking-wide text-slate-500">
        <span className="font-semibold">Draft output {segment.draftNumber}</span>
        {!segment.closed && <span className="rounded bg-amber-100 px-1 normal-case text-amber-800">unterminated</span>}
        <span className="ml-auto normal-case tabular-nums">{words(segment.words)}</span>
      </p>
      <p className="whitespace-pre-wrap break-words px-2 py-1.5 text-[13px] leading-relaxed text-slate-700">{segment.text}</p>
    </div>
  );
}

/** Text split in chunks; beyond the first, each chunk is laid out only when near the viewport. */
export function LongText({ chunks, className = "" }: { chunks: string[]; className?: string }) {
  if (chunks.length <= 1) return <p className={`whitespace-pre-wrap break-words ${className}`}>{chunks[0] ?? ""}</p>;
  return (
    <div className={`whitespace-pre-wrap break-words ${className}`} data-chunks={chunks.length}>
      {chunks.map((chunk, index) => (
        <div key={index} style={{ contentVisibility: "auto", containIntrinsicSize: `auto ${estimateHeight(chunk)}px` }}>
          {chunk}
        </div>
      ))}
    </div>
  );
}

/** A rough height for a chunk not yet laid out: about 70 characters per line of 20 px. */
function estimateHeight(chunk: string): number {
  const lines = chunk.split("\n").reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 70)), 0);
  return lines * 20;
}
