import type { Block, FormatIssue, Turn } from "./types";

/**
 * The answer of a transcript as a user works with it. Text an assistant turn
 * holds outside every tag (a `<request_fully_accepted/>` between `</think>` and
 * `<OUTPUT>`, a refusal sentence, a trailing JSON block) is not reasoning the
 * model hid: it is something it said. So it belongs to the answer, beside the
 * `<OUTPUT>` content, in source order: `final_output` holds all of it, which is
 * what search, the table, exports and the pair view read. The turns keep each
 * piece as its own block, so the UI can say which part was untagged and where.
 */

export type UntaggedPlace = Extract<
  FormatIssue,
  | "untagged_text_before_reasoning"
  | "untagged_text_between_reasoning"
  | "untagged_text_before_output"
  | "untagged_text_after_output"
  | "untagged_text_after_reasoning"
  | "untagged_turn"
>;

export type AnswerPart = { kind: "output"; text: string } | { kind: "untagged"; text: string; place: UntaggedPlace };

/** Where an untagged text sat, as the UI says it. */
export const UNTAGGED_PLACE_LABELS: Record<UntaggedPlace, string> = {
  untagged_text_before_reasoning: "before the reasoning",
  untagged_text_between_reasoning: "between two scratchpads",
  untagged_text_before_output: "between the reasoning and <OUTPUT>",
  untagged_text_after_output: "after </OUTPUT>",
  untagged_text_after_reasoning: "after the reasoning, with no <OUTPUT>",
  untagged_turn: "a turn with no tags",
};

/** Between two parts of the answer in `final_output`. */
export const ANSWER_SEPARATOR = "\n\n";

/** Where each untagged text block of one assistant turn sits, by block index; one linear pass. */
export function untaggedPlaces(blocks: readonly Block[]): Map<number, UntaggedPlace> {
  const places = new Map<number, UntaggedPlace>();
  const scratchpadAfter: boolean[] = new Array(blocks.length);
  const outputAfter: boolean[] = new Array(blocks.length);
  let scratchpadLater = false;
  let outputLater = false;
  for (let i = blocks.length - 1; i >= 0; i--) {
    scratchpadAfter[i] = scratchpadLater;
    outputAfter[i] = outputLater;
    if (blocks[i].kind === "scratchpad") scratchpadLater = true;
    if (blocks[i].kind === "output") outputLater = true;
  }
  const plainTurn = !scratchpadLater && !outputLater;
  let scratchpadBefore = false;
  let outputBefore = false;
  blocks.forEach((block, i) => {
    if (block.kind === "text") {
      places.set(
        i,
        plainTurn
          ? "untagged_turn"
          : outputBefore
            ? "untagged_text_after_output"
            : scratchpadBefore && scratchpadAfter[i]
              ? "untagged_text_between_reasoning"
              : scratchpadAfter[i]
                ? "untagged_text_before_reasoning"
                : outputAfter[i]
                  ? "untagged_text_before_output"
                  : "untagged_text_after_reasoning",
      );
    }
    if (block.kind === "scratchpad") scratchpadBefore = true;
    if (block.kind === "output") outputBefore = true;
  });
  return places;
}

/** Every <OUTPUT> and every untagged text of the assistant turns, in order. */
export function answerParts(turns: readonly Turn[]): AnswerPart[] {
  const parts: AnswerPart[] = [];
  for (const turn of turns) {
    if (turn.role !== "assistant") continue;
    const places = untaggedPlaces(turn.blocks);
    turn.blocks.forEach((block, i) => {
      if (block.kind === "output") parts.push({ kind: "output", text: block.text });
      else if (block.kind === "text") parts.push({ kind: "untagged", text: block.text, place: places.get(i)! });
    });
  }
  return parts;
}

/** What `final_output` stores: the parts joined (empty ones left out), or null when there are none. */
export function answerText(parts: readonly AnswerPart[]): string | null {
  if (!parts.length) return null;
  return parts
    .map((part) => part.text)
    .filter((text) => text !== "")
    .join(ANSWER_SEPARATOR);
}
