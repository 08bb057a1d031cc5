import { domText, storedOffsetFromDom } from "@/lib/annotations/offsets";

/**
 * Between the browser's selection and stored offsets. The scratchpad renderer
 * draws the stored text as pieces, each `<span|mark data-af-piece
 * data-start data-end>` holding one text node: domText(stored.slice(start, end)).
 * All pieces of one panel carry `data-af-scratchpad=<panel id>`.
 */
function pieces(scope: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`[data-af-scratchpad="${CSS.escape(scope)}"] [data-af-piece]`)];
}

const bounds = (piece: HTMLElement) => ({ start: Number(piece.dataset.start), end: Number(piece.dataset.end) });

function boundaryToStored(text: string, all: HTMLElement[], node: Node, offset: number, side: "start" | "end"): number | null {
  const piece = (node.nodeType === Node.TEXT_NODE ? node.parentElement : null)?.closest<HTMLElement>("[data-af-piece]");
  if (piece && all.includes(piece)) {
    const { start, end } = bounds(piece);
    return start + storedOffsetFromDom(text.slice(start, end), offset);
  }
  // A boundary between elements (or outside the scratchpad): the nearest piece edge inward.
  const point = document.createRange();
  point.setStart(node, offset);
  if (side === "start") {
    const next = all.find((candidate) => point.comparePoint(candidate, 0) >= 0);
    return next ? bounds(next).start : null;
  }
  const previous = all.findLast((candidate) => point.comparePoint(candidate, candidate.childNodes.length) <= 0);
  return previous ? bounds(previous).end : null;
}

/** The current selection as stored offsets into `text`, or why there is none. */
export function selectedRange(scope: string, text: string): { start: number; end: number } | { problem: string } {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed)
    return { problem: "Select text in the scratchpad first (or press / to find it)." };
  const range = selection.getRangeAt(0);
  const all = pieces(scope);
  if (!all.some((piece) => range.intersectsNode(piece))) return { problem: "The selection is not in this transcript's scratchpad." };
  const start = boundaryToStored(text, all, range.startContainer, range.startOffset, "start");
  const end = boundaryToStored(text, all, range.endContainer, range.endOffset, "end");
  if (start === null || end === null || start >= end) return { problem: "Select text in the scratchpad first (or press / to find it)." };
  return { start, end };
}

/** Selects stored range [start, end) in the rendered scratchpad and scrolls it into view. */
export function selectStoredRange(scope: string, text: string, start: number, end: number): boolean {
  const all = pieces(scope);
  const locate = (offset: number, side: "start" | "end") => {
    const piece = all.find((candidate) => {
      const b = bounds(candidate);
      return side === "start" ? offset >= b.start && offset < b.end : offset > b.start && offset <= b.end;
    });
    if (!piece || !piece.firstChild) return null;
    const b = bounds(piece);
    return { node: piece.firstChild, offset: domText(text.slice(b.start, offset)).length };
  };
  const from = locate(start, "start");
  const to = locate(end, "end");
  if (!from || !to) return false;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  (from.node.parentElement as HTMLElement | null)?.scrollIntoView({ block: "center", behavior: "smooth" });
  return true;
}

export function clearSelection() {
  window.getSelection()?.removeAllRanges();
}
