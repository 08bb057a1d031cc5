import { scanTags } from "./parse-tags";
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
const sources = new WeakMap<Turn, string>();

export function recordTurnSource(turn: Turn, source: string): Turn {
  sources.set(turn, source);
  return turn;
}

const WHITESPACE = /\s+/g;

/** The text with every recognised tag and all whitespace taken out. */
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
    if (squash(source) !== squash(turn.blocks.map(blockText).join(" "))) failures.push(index);
  });
  return failures;
}
