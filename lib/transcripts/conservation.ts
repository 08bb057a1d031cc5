import { scanTags, type TagToken } from "./parse-tags";
import type { Block, ParsedTranscript, Turn } from "./types";

/**
 * The conservation invariant: every character of an assistant turn's raw text
 * ends up in exactly one part of the parse (a scratchpad, an output, or an
 * untagged text block, which the answer holds; lib/transcripts/answer.ts).
 * What may vanish is only structure: the tags the parser read as boundaries,
 * and the whitespace trimmed around a part. So, with every recognised tag and
 * every whitespace character removed from both, the raw text and the parts'
 * texts in order must be the same string: nothing lost, nothing repeated,
 * nothing invented, nothing reordered.
 *
 * The parser records each assistant turn's raw text here as it builds the
 * turn (a WeakMap: nothing is stored with the turn, and it goes with it).
 */
const sources = new WeakMap<Turn, TurnSource>();

/** Records a turn's raw text: a whole string, or a range of a text the parser already scanned (its tokens). */
export function recordTurnSource(turn: Turn, text: string, range?: { start: number; end: number; tokens: readonly TagToken[] }): Turn {
  sources.set(turn, range ? { text, ...range } : { text, start: 0, end: text.length });
  return turn;
}

const WHITESPACE = /\s+/g;

/** The text with every recognised tag and all whitespace taken out (for tests and messages; the check itself allocates nothing). */
export function squash(text: string): string {
  const { tokens } = scanTags(text);
  let out = "";
  let pos = 0;
  for (const token of tokens) {
    out += text.slice(pos, token.start).replace(WHITESPACE, "");
    pos = token.end;
  }
  return out + text.slice(pos).replace(WHITESPACE, "");
}

/** Whitespace above U+00A0 as String.prototype.trim (and so the parser) sees it. */
function isSpace(code: number): boolean {
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A turn's raw text: a range of a scanned text, so the check reuses the parser's scan of it. */
interface TurnSource {
  text: string;
  start: number;
  end: number;
  /** The text's tags, when the parser scanned it already; else scanned by the check. */
  tokens?: readonly TagToken[];
}

/** Count and two order-sensitive hashes of a text's significant characters. */
interface Digest {
  count: number;
  h1: number;
  h2: number;
}

/**
 * Folds the characters of text[start, end) that are neither whitespace nor
 * inside a recognised tag into `digest`: one tight loop, nothing allocated
 * (the importer runs this on every record). Two independent 32-bit hashes and
 * the count: a miss goes unseen with odds of about 2^-64; the property test
 * compares the texts themselves (squash).
 */
function fold(source: TurnSource, digest: Digest): void {
  const { text, end } = source;
  const tokens = source.tokens ?? (text.includes("<") ? scanTags(text).tokens : []);
  let { count, h1, h2 } = digest;
  let t = 0;
  while (t < tokens.length && tokens[t].end <= source.start) t++;
  let next = t < tokens.length ? tokens[t].start : end;
  for (let i = source.start; i < end; i++) {
    if (i === next) {
      i = tokens[t].end - 1;
      t++;
      next = t < tokens.length ? tokens[t].start : end;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code > 32 ? code < 160 || !isSpace(code) : !(code === 32 || (code >= 9 && code <= 13))) {
      count++;
      h1 = Math.imul(h1 ^ code, 0x01000193); // FNV-1a
      h2 = (Math.imul(h2, 31) + code) | 0;
    }
  }
  digest.count = count;
  digest.h1 = h1;
  digest.h2 = h2;
}

function sameSignificantText(source: TurnSource, parts: readonly string[]): boolean {
  const a: Digest = { count: 0, h1: 0x811c9dc5, h2: 7 };
  const b: Digest = { count: 0, h1: 0x811c9dc5, h2: 7 };
  fold(source, a);
  for (const part of parts) fold({ text: part, start: 0, end: part.length }, b);
  return a.count === b.count && a.h1 === b.h1 && a.h2 === b.h2;
}

function blockText(block: Block): string {
  switch (block.kind) {
    case "scratchpad":
    case "output":
    case "text":
      return block.text;
    default:
      return "";
  }
}

/** Indexes of the assistant turns (in `parsed.turns`) whose parts do not hold exactly their raw text. */
export function conservationFailures(parsed: ParsedTranscript): number[] {
  const failures: number[] = [];
  parsed.turns.forEach((turn, index) => {
    const source = sources.get(turn);
    if (turn.role !== "assistant" || source === undefined) return;
    if (!sameSignificantText(source, turn.blocks.map(blockText))) failures.push(index);
  });
  return failures;
}
