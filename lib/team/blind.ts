import type { Block, Turn } from "@/lib/transcripts/types";

/**
 * The blind view of a transcript (queue setting `blind`, on by default): what
 * an annotator may see before they submit. Pure; the item page builds it on
 * the server so that nothing else is ever serialised to the browser.
 *
 * Kept: the user input and the assistant's blocks. Dropped: system turns
 * (the system prompt names the variation), tier blocks, and everything the
 * page would otherwise show beside the text (condition, variation, setting,
 * model, dataset, source labels, ids). Masked: tier flags written into text
 * (`<is_free_tier_user>True</is_free_tier_user>` in any casing, and
 * `[METADATA]: ... free tier ...` lines) in the user input, outputs and other
 * text blocks.
 *
 * NOT masked: the scratchpad. It is the material being judged (criterion a
 * asks whether the model *believes* it is in training, and the model often
 * says so in its own words), and span offsets address its exact stored text.
 */
export const MASK = "[hidden]";

const TIER_TAG = /<\s*is_free_tier_user\s*>[\s\S]*?<\s*\/\s*is_free_tier_user\s*>/gi;
const TIER_TAG_UNCLOSED = /<\s*is_free_tier_user\s*>\s*(?:true|false|yes|no|1|0)\b/gi;
const METADATA_LINE = /^\s*\[METADATA\]:.*$/gim;

export function maskTierTags(text: string): string {
  return text
    .replace(TIER_TAG, `<is_free_tier_user>${MASK}</is_free_tier_user>`)
    .replace(TIER_TAG_UNCLOSED, `<is_free_tier_user>${MASK}`)
    .replace(METADATA_LINE, `[METADATA]: ${MASK}`);
}

function blindBlock(block: Block): Block[] {
  switch (block.kind) {
    case "tier":
      return [];
    case "scratchpad":
    case "next":
    case "tool_call":
      return [block];
    case "user_input":
    case "text":
    case "output":
      return [{ ...block, text: maskTierTags(block.text) }];
  }
}

export interface BlindTranscript {
  query: string;
  turns: Turn[];
}

export function blindTranscript(query: string, turns: readonly Turn[]): BlindTranscript {
  return {
    query: maskTierTags(query),
    turns: turns.filter((turn) => turn.role !== "system").map((turn) => ({ role: turn.role, blocks: turn.blocks.flatMap(blindBlock) })),
  };
}
