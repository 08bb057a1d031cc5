/**
 * ts_headline marks matches with two control characters (see list-sql.ts);
 * this turns its output into plain-text segments that React renders as text
 * nodes, never as HTML, whatever the transcript contains.
 */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

export interface TextSegment {
  text: string;
  match: boolean;
}

export function splitHighlights(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let match = false;
  let current = "";
  const flush = () => {
    if (current) segments.push({ text: current, match });
    current = "";
  };
  for (const char of marked) {
    if (char === MARK_START || char === MARK_END) {
      flush();
      match = char === MARK_START;
    } else current += char;
  }
  flush();
  // Adjacent segments of the same kind (a stray marker) are merged back.
  return segments.reduce<TextSegment[]>((merged, segment) => {
    const last = merged[merged.length - 1];
    if (last && last.match === segment.match) last.text += segment.text;
    else merged.push({ ...segment });
    return merged;
  }, []);
}
