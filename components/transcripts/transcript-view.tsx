import { UNTAGGED_PLACE_LABELS, untaggedPlaces } from "@/lib/transcripts/answer";
import type { Block, ScratchpadSegment, Turn } from "@/lib/transcripts/types";

type ScratchpadBlock = Extract<Block, { kind: "scratchpad" }>;
/** Draws a scratchpad's content instead of its segments (the annotation highlights); `index` counts scratchpad blocks only. */
export type RenderScratchpad = (block: ScratchpadBlock, index: number) => React.ReactNode;

/**
 * A parsed transcript, block by block. Model text is always rendered as React
 * text children, never as HTML: transcripts are full of tags and arbitrary text.
 */
export function TranscriptView({ query, turns, renderScratchpad }: { query: string; turns: Turn[]; renderScratchpad?: RenderScratchpad }) {
  const assistantBlocks = turns.filter((turn) => turn.role === "assistant").flatMap((turn) => turn.blocks);
  const places = new Map<Block, string>();
  for (const turn of turns) {
    if (turn.role !== "assistant") continue;
    for (const [i, place] of untaggedPlaces(turn.blocks)) places.set(turn.blocks[i], UNTAGGED_PLACE_LABELS[place]);
  }
  const scratchpadIndex = new Map(assistantBlocks.filter((block) => block.kind === "scratchpad").map((block, index) => [block, index]));
  return (
    <div className="space-y-4">
      <section aria-label="User input" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">User input</h2>
        <p className="whitespace-pre-wrap break-words">{query}</p>
      </section>
      {assistantBlocks.map((block, index) => (
        <AssistantBlock
          key={index}
          block={block}
          place={places.get(block)}
          renderScratchpad={
            renderScratchpad && block.kind === "scratchpad" ? () => renderScratchpad(block, scratchpadIndex.get(block)!) : undefined
          }
        />
      ))}
    </div>
  );
}

function AssistantBlock({ block, place, renderScratchpad }: { block: Block; place?: string; renderScratchpad?: () => React.ReactNode }) {
  switch (block.kind) {
    case "scratchpad":
      return (
        <details open className="group rounded-lg border border-violet-200 bg-violet-50/60" aria-label="Scratchpad reasoning">
          <summary className="cursor-pointer select-none px-4 py-2 text-xs font-semibold uppercase tracking-wide text-violet-700">
            Scratchpad reasoning {block.field && <span className="ml-2 font-mono normal-case text-violet-700">from field {block.tag}</span>}
            {!block.closed && <span className="ml-2 normal-case text-amber-700">(unterminated)</span>}
            <span className="ml-2 font-normal normal-case text-violet-700">{block.text.length.toLocaleString("en")} chars</span>
          </summary>
          <div className="space-y-3 px-4 pb-4">
            {renderScratchpad
              ? renderScratchpad()
              : block.segments.map((segment, index) => <ScratchpadPart key={index} segment={segment} />)}
          </div>
        </details>
      );
    case "output":
      return (
        <section aria-label="Final output" className="rounded-lg border border-emerald-200 bg-white p-4">
          <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-emerald-700">
            Output {!block.tagged && <span className="normal-case text-amber-700">(no OUTPUT tag)</span>}
          </h2>
          <p className="whitespace-pre-wrap break-words">{block.text}</p>
        </section>
      );
    case "text":
      return (
        <section
          aria-label="Untagged text, part of the answer"
          className="rounded-lg border-2 border-dashed border-emerald-300 bg-white p-4"
        >
          <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-emerald-700">
            Untagged text <span className="font-normal normal-case">part of the answer{place ? ` · ${place}` : ""}</span>
          </h2>
          <p className="whitespace-pre-wrap break-words">{block.text}</p>
        </section>
      );
    case "tool_call":
      return (
        <section aria-label={`Tool call ${block.name}`} className="rounded-lg border border-sky-200 bg-sky-50/60 p-4">
          <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-sky-800">Tool call · {block.name || "(unnamed)"}</h2>
          <pre className="whitespace-pre-wrap break-words font-mono text-xs text-slate-700">{block.input}</pre>
        </section>
      );
    case "next":
    case "user_input":
    case "tier":
      return null; // shown once in the header and user-input panel
  }
}

function ScratchpadPart({ segment }: { segment: ScratchpadSegment }) {
  if (segment.kind === "reasoning")
    return <p className="whitespace-pre-wrap break-words font-mono text-[13px] leading-relaxed text-slate-800">{segment.text}</p>;
  return (
    <div className="rounded-md border border-slate-300 bg-white p-3">
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
        Draft output {!segment.closed && "(unterminated)"}
      </p>
      <p className="whitespace-pre-wrap break-words text-sm">{segment.text}</p>
    </div>
  );
}
