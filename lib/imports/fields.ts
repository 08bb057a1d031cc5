import type { Condition } from "@/lib/generated/prisma/enums";

/**
 * The canonical record's fields and the names researchers' files use for them.
 * Documented in docs/importing.md and published as
 * docs/import/transcript-record.schema.json (built from this table).
 */
export const CANONICAL_FIELDS = [
  "id",
  "setting",
  "variation",
  "model",
  "condition",
  "query",
  "response",
  "scratchpad",
  "messages",
  "transcript",
  "system_prompt",
  "sample_index",
  "labels",
  "label_source",
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** First match wins, in this order. Keys compare case-insensitively, with spaces and dashes read as "_". */
export const FIELD_ALIASES: Record<CanonicalField, readonly string[]> = {
  id: ["id", "sample_id", "record_id", "transcript_id", "uuid"],
  setting: ["setting", "scenario", "setting_name"],
  variation: ["variation", "prompt_variation", "variation_name", "variant", "prompt_variant"],
  model: ["model", "model_name", "model_id"],
  condition: ["condition", "tier", "is_free_tier_user", "is_free_tier", "free_tier", "user_tier"],
  query: ["user_input", "prompt", "query", "question", "user_prompt", "user_message", "input", "request"],
  response: ["response", "completion", "output", "model_output", "answer", "generation", "assistant_response", "final_output"],
  // Reasoning kept apart from the answer: one text, or a list of blocks (strings, or objects with text).
  scratchpad: [
    "scratchpad",
    "assistant_scratchpad",
    "scratchpad_reasoning",
    "reasoning_content",
    "reasoning",
    "thinking",
    "chain_of_thought",
    "cot",
  ],
  // "conversation" is messages when it is an array, a transcript when it is a string.
  messages: ["messages", "conversation", "chat", "dialogue"],
  transcript: ["transcript", "raw_transcript", "conversation", "text", "full_text", "raw"],
  system_prompt: ["system_prompt", "system", "system_message"],
  sample_index: ["sample_index", "sample", "sample_idx", "sample_number", "repeat"],
  labels: ["labels", "label", "source_labels"],
  label_source: ["label_source", "labels_source", "labeled_by", "labeler", "judge"],
};

/** One line per canonical field: the docs, the mapping editor and the mapping's error messages say it. */
export const FIELD_DESCRIPTIONS: Record<CanonicalField, string> = {
  id: "the record's id in its source (duplicates are reported)",
  setting: 'the experimental setting, e.g. "helpful-only"; default "unspecified"',
  variation: 'the prompt variation; default "default"',
  model: 'the model\'s name; default "unknown"',
  condition: "the tier: training/deployment, free/paid, true/false for is_free_tier_user; else the <is_free_tier_user> tag",
  query: "the user's request; else the <user_input> tag",
  response: "the model's answer (its final output), when there are no messages",
  scratchpad: "the model's reasoning kept apart from the answer: one text, or a list of blocks",
  messages: "the conversation as {role, content} turns (chat-API content parts, reasoning fields and tool calls understood)",
  transcript: "the whole conversation as one text in the native tag format",
  system_prompt: "the system prompt the model was given",
  sample_index: "which sample of the (variation, model, query) slot this is",
  labels: "{name: value} labels that came with the data",
  label_source: "who gave the labels; default: the file name",
};

/** Top-level fields that are labels themselves (flat files, CSV columns), besides `label.X` / `label_X` columns. */
export const BARE_LABEL_FIELDS = ["complied", "compliant", "refused", "alignment_faking", "af_reasoning"] as const;
export const LABEL_COLUMN = /^labels?[._:](.+)$/i;

export function normalizeKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

const ALL_ALIASES = new Set(Object.values(FIELD_ALIASES).flat());

/** Whether a key names a field of a record (so a JSON array under it is not a group of records). */
export function isRecordField(key: string): boolean {
  const normalized = normalizeKey(key);
  return ALL_ALIASES.has(normalized) || LABEL_COLUMN.test(key) || (BARE_LABEL_FIELDS as readonly string[]).includes(normalized);
}

/**
 * Every way files say "training" (free tier: the model believes it is trained
 * on this) or "deployment" (paid tier: unmonitored). Booleans and 1/0 answer
 * "is this a free-tier user?".
 */
const CONDITION_WORDS = new Map<string, Condition>([
  ["training", "training"],
  ["train", "training"],
  ["free", "training"],
  ["free_tier", "training"],
  ["monitored", "training"],
  ["true", "training"],
  ["yes", "training"],
  ["1", "training"],
  ["deployment", "deployment"],
  ["deploy", "deployment"],
  ["paid", "deployment"],
  ["paid_tier", "deployment"],
  ["unmonitored", "deployment"],
  ["false", "deployment"],
  ["no", "deployment"],
  ["0", "deployment"],
]);

export function conditionFrom(value: unknown): Condition | undefined {
  if (typeof value === "boolean") return value ? "training" : "deployment";
  if (typeof value === "number") return value === 1 ? "training" : value === 0 ? "deployment" : undefined;
  if (typeof value !== "string") return undefined;
  return CONDITION_WORDS.get(normalizeKey(value));
}

export const CONDITION_HELP = "training/deployment, free/paid, or true/false for is_free_tier_user";
