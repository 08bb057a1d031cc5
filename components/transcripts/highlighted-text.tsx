import { splitHighlights } from "@/lib/transcripts/highlight";

/** Text with search matches marked; every piece is a React text node, never HTML. */
export function HighlightedText({ marked, className }: { marked: string; className?: string }) {
  return (
    <span className={className}>
      {splitHighlights(marked).map((segment, index) =>
        segment.match ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-inherit">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </span>
  );
}
