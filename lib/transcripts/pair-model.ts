import { UNTAGGED_PLACE_LABELS, untaggedPlaces } from "./answer";
import { chunkText, wordCount } from "./text-stats";
import type { Turn } from "./types";

/**
 * The view-model of one side of the paired view, folded from the parsed turns
 * before anything renders: each scratchpad turn with its reasoning and drafts,
 * the final output, and the length of every part. Pure, tested without React.
 */

export type SegmentPart =
  | { kind: "reasoning"; chunks: string[]; words: number }
  | { kind: "draft_output"; text: string; closed: boolean; words: number; draftNumber: number };

export type SidePart =
  | {
      kind: "scratchpad";
      turnNumber: number;
      tag: string;
      /** The reasoning came from a separate field (named by `tag`), not from tags in the text. */
      field: boolean;
      closed: boolean;
      words: number;
      chars: number;
      segments: SegmentPart[];
    }
  | { kind: "output"; text: string; chunks: string[]; tagged: boolean; closed: boolean; words: number; chars: number }
  /** Untagged text: part of the answer (lib/transcripts/answer.ts), shown with where it sat. */
  | { kind: "text"; text: string; words: number; place: string }
  | { kind: "tool_call"; name: string; input: string };

export interface SideModel {
  parts: SidePart[];
  scratchpadTurns: number;
  scratchpadWords: number;
  drafts: number;
  outputWords: number | null;
  /** Whether the final output repeats the last draft (after trimming); null without a draft or an output. */
  outputMatchesLastDraft: boolean | null;
}

export function buildSide(turns: Turn[]): SideModel {
  const parts: SidePart[] = [];
  let turnNumber = 0;
  let draftNumber = 0;
  let lastDraft: string | null = null;
  let outputWords: number | null = null;
  let lastOutput: string | null = null;
  for (const turn of turns) {
    if (turn.role !== "assistant") continue;
    const places = untaggedPlaces(turn.blocks);
    for (const [blockIndex, block] of turn.blocks.entries()) {
      switch (block.kind) {
        case "scratchpad": {
          const segments: SegmentPart[] = [];
          for (const segment of block.segments) {
            if (segment.kind === "reasoning") {
              segments.push({ kind: "reasoning", chunks: chunkText(segment.text), words: wordCount(segment.text) });
              continue;
            }
            lastDraft = segment.text;
            segments.push({
              kind: "draft_output",
              text: segment.text,
              closed: segment.closed,
              words: wordCount(segment.text),
              draftNumber: ++draftNumber,
            });
          }
          parts.push({
            kind: "scratchpad",
            turnNumber: ++turnNumber,
            tag: block.tag,
            field: block.field === true,
            closed: block.closed,
            words: wordCount(block.text),
            chars: block.text.length,
            segments,
          });
          break;
        }
        case "output":
          lastOutput = block.text;
          outputWords = (outputWords ?? 0) + wordCount(block.text);
          parts.push({
            kind: "output",
            text: block.text,
            chunks: chunkText(block.text),
            tagged: block.tagged,
            closed: block.closed,
            words: wordCount(block.text),
            chars: block.text.length,
          });
          break;
        case "text":
          if (!block.text.trim()) break;
          outputWords = (outputWords ?? 0) + wordCount(block.text);
          parts.push({
            kind: "text",
            text: block.text,
            words: wordCount(block.text),
            place: UNTAGGED_PLACE_LABELS[places.get(blockIndex)!],
          });
          break;
        case "tool_call":
          parts.push({ kind: "tool_call", name: block.name, input: block.input });
          break;
        case "next":
        case "user_input":
        case "tier":
          break; // the user input is shown once above both sides; <NEXT/> only separates turns
      }
    }
  }
  const scratchpads = parts.filter((part) => part.kind === "scratchpad");
  return {
    parts,
    scratchpadTurns: scratchpads.length,
    scratchpadWords: scratchpads.reduce((sum, part) => sum + part.words, 0),
    drafts: draftNumber,
    // The answer's length counts its untagged text too: it is part of what the model said.
    outputWords,
    outputMatchesLastDraft: lastDraft === null || lastOutput === null ? null : normalise(lastDraft) === normalise(lastOutput),
  };
}

const normalise = (text: string) => text.trim().replace(/\s+/g, " ");
