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
  | { kind: "scratchpad"; turnNumber: number; tag: string; closed: boolean; words: number; chars: number; segments: SegmentPart[] }
  | { kind: "output"; text: string; chunks: string[]; tagged: boolean; closed: boolean; words: number; chars: number }
  | { kind: "text"; text: string; words: number };

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
  let output: string | null = null;
  for (const turn of turns) {
    if (turn.role !== "assistant") continue;
    for (const block of turn.blocks) {
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
            closed: block.closed,
            words: wordCount(block.text),
            chars: block.text.length,
            segments,
          });
          break;
        }
        case "output":
          output = block.text;
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
          if (block.text.trim()) parts.push({ kind: "text", text: block.text, words: wordCount(block.text) });
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
    outputWords: output === null ? null : wordCount(output),
    outputMatchesLastDraft: lastDraft === null || output === null ? null : normalise(lastDraft) === normalise(output),
  };
}

const normalise = (text: string) => text.trim().replace(/\s+/g, " ");
