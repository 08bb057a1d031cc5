/**
 * Span offsets: the unit.
 *
 * A span addresses transcripts.scratchpad_text (the scratchpad blocks' texts
 * joined by "\n\n", exactly as stored) with `start` and `end` in UTF-16 code
 * units, end exclusive: the indices of a JavaScript string, so
 * `scratchpadText.slice(start, end) === span.text`. An emoji outside the
 * Basic Multilingual Plane counts 2; "\r\n" counts 2. (PostgreSQL's substr()
 * counts code points: do not slice spans in SQL.)
 *
 * Two rules keep every span renderable: a boundary never falls inside a
 * surrogate pair, nor between the "\r" and "\n" of a CRLF.
 *
 * The browser never holds the stored text verbatim: an HTML parser turns
 * "\r\n" and "\r" into "\n" in server-rendered pages. So the renderer draws
 * `domText(piece)` and maps positions in it back with `storedOffsetFromDom`.
 */

export interface OffsetRange {
  start: number;
  end: number;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when `offset` is a place a span may start or end. */
export function isBoundary(text: string, offset: number): boolean {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return false;
  if (offset === 0 || offset === text.length) return true;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (isHighSurrogate(before) && isLowSurrogate(after)) return false;
  if (before === 0x0d && after === 0x0a) return false;
  return true;
}

/** Why a span cannot be stored against `text`, or null when it can. */
export function spanProblem(text: string, span: OffsetRange & { text: string }): string | null {
  if (!(span.start < span.end)) return "a span must not be empty (start < end)";
  if (!isBoundary(text, span.start) || !isBoundary(text, span.end)) {
    return span.end > text.length || span.start < 0
      ? `offsets ${span.start}-${span.end} are outside the scratchpad (${text.length} UTF-16 code units)`
      : `offsets ${span.start}-${span.end} split a character (surrogate pair or CRLF)`;
  }
  if (text.slice(span.start, span.end) !== span.text)
    return `the text at ${span.start}-${span.end} is not the span's text (the scratchpad changed?)`;
  return null;
}

/** What a browser's DOM holds for `stored`: line breaks normalised to "\n". */
export function domText(stored: string): string {
  return stored.replace(/\r\n?/g, "\n");
}

/** The offset in `stored` of position `domOffset` in `domText(stored)`. */
export function storedOffsetFromDom(stored: string, domOffset: number): number {
  let storedIndex = 0;
  for (let dom = 0; dom < domOffset && storedIndex < stored.length; dom++) {
    storedIndex += stored.charCodeAt(storedIndex) === 0x0d && stored.charCodeAt(storedIndex + 1) === 0x0a ? 2 : 1;
  }
  return storedIndex;
}

/**
 * Where each scratchpad block lies in scratchpad_text. The stored text is the
 * blocks joined by "\n\n"; if a transcript's blocks do not add up to it (an
 * older import), the whole text is one block.
 */
export function scratchpadBlockRanges(scratchpadText: string, blockTexts: string[]): OffsetRange[] {
  if (blockTexts.length === 0) return scratchpadText ? [{ start: 0, end: scratchpadText.length }] : [];
  if (blockTexts.join("\n\n") !== scratchpadText) return [{ start: 0, end: scratchpadText.length }];
  const ranges: OffsetRange[] = [];
  let start = 0;
  for (const block of blockTexts) {
    ranges.push({ start, end: start + block.length });
    start += block.length + 2;
  }
  return ranges;
}

export interface Segment<S> extends OffsetRange {
  /** The spans covering this piece, longest first (the outermost draws the tint). */
  spans: S[];
}

/**
 * Cuts [range.start, range.end) at every span boundary, so that each piece is
 * covered by the same set of spans. Overlapping and nested spans are fine.
 */
export function highlightSegments<S extends OffsetRange>(range: OffsetRange, spans: readonly S[]): Segment<S>[] {
  const inside = spans.filter((span) => span.end > range.start && span.start < range.end);
  const cuts = new Set([range.start, range.end]);
  for (const span of inside) {
    cuts.add(Math.max(range.start, span.start));
    cuts.add(Math.min(range.end, span.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<S>[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = inside.filter((span) => span.start <= start && span.end >= end).sort((a, b) => b.end - b.start - (a.end - a.start));
    segments.push({ start, end, spans: covering });
  }
  return segments;
}
