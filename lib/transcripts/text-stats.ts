/** Words as a reader counts them: runs of non-space characters. */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/**
 * Splits long text into chunks of about `target` characters at paragraph
 * breaks (then line breaks, then spaces), so that a 50,000-word scratchpad
 * renders as many boxes the browser can skip laying out while off screen
 * (content-visibility: auto). Joining the chunks gives back the text exactly.
 */
export function chunkText(text: string, target = 6_000): string[] {
  if (text.length <= target * 1.5) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= target * 1.5) {
      chunks.push(text.slice(start));
      break;
    }
    const end = breakPoint(text, start + target, Math.min(text.length, start + target * 1.5));
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

/** The best place to cut between `from` and `limit`: after a blank line, a newline, a space, or anywhere. */
function breakPoint(text: string, from: number, limit: number): number {
  for (const separator of ["\n\n", "\n", " "]) {
    const found = text.indexOf(separator, from);
    if (found !== -1 && found + separator.length <= limit) return found + separator.length;
  }
  return limit;
}
