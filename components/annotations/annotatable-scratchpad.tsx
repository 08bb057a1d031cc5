"use client";

import { useState } from "react";
import { domText, highlightSegments } from "@/lib/annotations/offsets";
import { useAnnotation, type SpanView } from "./annotation-context";

/**
 * One scratchpad block, drawn from the stored text with the spans
 * highlighted in their labels' colours. Overlaps stay legible: the innermost
 * span tints the background, every span adds its own underline beneath, and
 * hovering shows each label and author. Each piece is exactly one text node
 * tagged with its stored offsets (components/annotations/selection.ts reads
 * them), so nothing else may be rendered inside a piece.
 */
export function AnnotatableScratchpad({ blockIndex }: { blockIndex: number }) {
  const { scope, scratchpadText, blockRanges, spans } = useAnnotation();
  const [hover, setHover] = useState<{ spans: SpanView[]; x: number; y: number } | null>(null);
  const range = blockRanges[blockIndex];
  if (!range) return null; // the whole text went into block 0 (blocks did not add up to it)
  const segments = highlightSegments(range, spans);
  return (
    <>
      <p data-af-scratchpad={scope} className="whitespace-pre-wrap break-words font-mono text-[13px] leading-6 text-slate-800">
        {segments.map((segment) => {
          const text = domText(scratchpadText.slice(segment.start, segment.end));
          const common = { "data-af-piece": "", "data-start": segment.start, "data-end": segment.end };
          if (segment.spans.length === 0) {
            return (
              <span key={segment.start} {...common}>
                {text}
              </span>
            );
          }
          return (
            <mark
              key={segment.start}
              {...common}
              data-labels={segment.spans.map((span) => span.labelKey).join(" ")}
              style={markStyle(segment.spans)}
              className="rounded-[2px] text-slate-900"
              onMouseMove={(event) => setHover({ spans: segment.spans, x: event.clientX, y: event.clientY })}
              onMouseLeave={() => setHover(null)}
            >
              {text}
            </mark>
          );
        })}
      </p>
      {hover && (
        <div
          role="tooltip"
          data-testid="span-hover"
          style={{ left: hover.x + 12, top: hover.y + 16 }}
          className="pointer-events-none fixed z-50 max-w-xs rounded-md border border-slate-200 bg-white px-2.5 py-1.5 text-xs shadow-lg"
        >
          {[...hover.spans].reverse().map((span) => (
            <p key={span.id} className="flex items-center gap-1.5 py-0.5">
              <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: span.color }} />
              <span className="font-medium text-slate-800">{span.labelName}</span>
              <span className="text-slate-500">
                {span.author}
                {span.own && " (you)"}
              </span>
            </p>
          ))}
        </div>
      )}
    </>
  );
}

/** Innermost span's tint; one 2px underline per span, innermost on top. */
function markStyle(spans: SpanView[]): React.CSSProperties {
  const innermost = spans[spans.length - 1];
  const underlines = [...spans].reverse().map((span, index) => `0 ${2 * (index + 1)}px 0 0 ${span.color}${span.own ? "" : "99"}`);
  return {
    backgroundColor: `${innermost.color}${innermost.own ? "2e" : "1a"}`,
    boxShadow: underlines.join(", "),
    boxDecorationBreak: "clone",
    WebkitBoxDecorationBreak: "clone",
  };
}
