"use client";

import { domText, highlightSegments } from "@/lib/annotations/offsets";
import { useAnnotation, type SpanView } from "./annotation-context";

/**
 * One scratchpad block, drawn from the stored text with the spans
 * highlighted in their labels' colours. Overlaps stay legible: the innermost
 * span tints the background, every span adds its own underline beneath, and
 * hovering lists each label and author. Each piece is one text node tagged
 * with its stored offsets (components/annotations/selection.ts reads them).
 */
export function AnnotatableScratchpad({ blockIndex }: { blockIndex: number }) {
  const { scope, scratchpadText, blockRanges, spans } = useAnnotation();
  const range = blockRanges[blockIndex];
  if (!range) return null; // the whole text went into block 0 (blocks did not add up to it)
  const segments = highlightSegments(range, spans);
  return (
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
            title={segment.spans.map(describe).join("\n")}
            style={markStyle(segment.spans)}
            className="rounded-[2px] text-slate-900"
          >
            {text}
          </mark>
        );
      })}
    </p>
  );
}

function describe(span: SpanView) {
  return `${span.labelName} — ${span.author}${span.own ? " (you)" : ""}`;
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
