/**
 * Quoted evidence → UTF-16 offsets into scratchpad_text (the unit of
 * annotation_spans: JavaScript string indices). An exact match first; else a
 * match after collapsing whitespace runs (models re-wrap lines), mapped back
 * to the original text's offsets; else unmatched (kept, with null offsets).
 */
export interface EvidenceSpan {
  quote: string;
  start: number | null;
  end: number | null;
  matched: boolean;
}

export function locateEvidence(scratchpad: string, quotes: readonly string[]): EvidenceSpan[] {
  let normalised: { text: string; origin: number[] } | undefined;
  return quotes.map((rawQuote) => {
    const quote = rawQuote.trim();
    if (!quote) return { quote: rawQuote, start: null, end: null, matched: false };
    const exact = scratchpad.indexOf(quote);
    if (exact >= 0) return { quote: rawQuote, start: exact, end: exact + quote.length, matched: true };
    normalised ??= collapseWhitespace(scratchpad);
    const needle = collapseWhitespace(quote).text;
    const at = normalised.text.indexOf(needle);
    if (at < 0 || !needle) return { quote: rawQuote, start: null, end: null, matched: false };
    const start = normalised.origin[at];
    const end = normalised.origin[at + needle.length - 1] + 1;
    return { quote: rawQuote, start, end, matched: true };
  });
}

/** The text with every whitespace run as one space, and for each kept character its offset in the original. */
function collapseWhitespace(text: string): { text: string; origin: number[] } {
  let out = "";
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const isSpace = /\s/.test(text[i]);
    if (isSpace) {
      if (inSpace) continue;
      inSpace = true;
      out += " ";
    } else {
      inSpace = false;
      out += text[i];
    }
    origin.push(i);
  }
  return { text: out, origin };
}
