import { z } from "zod";
import { mappingSchema } from "./mapping";
import { NATIVE_SCHEMA_FILES } from "./native/json-schemas";
import { BARE_LABEL_FIELDS, CANONICAL_FIELDS, CONDITION_HELP, FIELD_ALIASES, type CanonicalField } from "./fields";

/**
 * The canonical import record as a JSON Schema (draft 2020-12), built from
 * the alias table so the published file (docs/import/transcript-record.schema.json,
 * written by `npm run docs:schema`) cannot drift from what the importer reads;
 * a test compares the two.
 */
type JsonSchema = Record<string, unknown>;

const labelValue: JsonSchema = { type: ["string", "number", "boolean", "null"] };
const message: JsonSchema = {
  type: "object",
  required: ["role", "content"],
  properties: {
    role: { type: "string", description: "user, assistant, system (also human, ai, model, developer)." },
    content: {
      description:
        "The turn's text verbatim, or typed content parts in order: text / input_text / output_text, Anthropic thinking, redacted_thinking, tool_use, tool_result, Inspect reasoning, OpenAI refusal (others keep their type, not their bytes). Null with tool_calls.",
      anyOf: [
        { type: "string" },
        { type: "null" },
        {
          type: "array",
          items: { anyOf: [{ type: "string" }, { type: "object", properties: { type: { type: "string" }, text: { type: "string" } } }] },
        },
      ],
    },
    reasoning_content: { type: "string", description: "Reasoning beside the content (DeepSeek, vLLM): a scratchpad." },
    reasoning: {
      description: "Reasoning beside the content (OpenRouter): a string, or {summary: [{text}]}.",
      anyOf: [{ type: "string" }, { type: "object" }],
    },
    refusal: { type: "string", description: "An OpenAI refusal: part of the answer." },
    tool_calls: { type: "array", description: "OpenAI / Inspect tool calls: {function: {name, arguments}}." },
  },
};

const FIELDS: Record<CanonicalField, JsonSchema> = {
  id: { type: ["string", "number"], description: "The record's id in its source; shown in error reports only." },
  setting: {
    type: "string",
    minLength: 1,
    description: 'The experimental setting, e.g. "helpful-only". Matched by slug; created when new. Default "unspecified".',
  },
  variation: {
    type: "string",
    minLength: 1,
    description:
      'The prompt variation within the setting, e.g. "default", "cut-rlhf-info". Matched by slug; created when new. Default "default".',
  },
  model: { type: "string", minLength: 1, description: 'The model, as the source names it. Default "unknown".' },
  condition: {
    anyOf: [{ type: "string" }, { type: "boolean" }, { enum: [0, 1] }],
    description: `training (free tier: the model believes it is trained on this) or deployment (paid tier, unmonitored): ${CONDITION_HELP}. If absent, read from the conversation's <is_free_tier_user> tag; if both are given they must agree.`,
  },
  query: { type: "string", description: "The user's request. If absent, read from the conversation's <user_input> tag." },
  response: {
    type: ["string", "null"],
    description:
      "The model's answer when the record has no messages (tags in it are read: scratchpads, <OUTPUT>, </think>); the query becomes the user turn.",
  },
  scratchpad: {
    description:
      "The model's reasoning kept apart from the answer (a scratchpad field, reasoning_content, thinking): one text, or a list of blocks (strings, or objects with text). Used with response when there are no messages.",
    anyOf: [
      { type: "string" },
      { type: "null" },
      { type: "array", items: { anyOf: [{ type: "string" }, { type: "object", properties: { text: { type: "string" } } }] } },
    ],
  },
  messages: { type: "array", minItems: 1, items: message, description: "The conversation as role/content turns, stored verbatim." },
  transcript: {
    type: "string",
    description: "The whole conversation as one text in the native format; tier, query, scratchpads and output come from its tags.",
  },
  system_prompt: { type: "string", description: "The variation's system prompt; stored on the variation if it has none yet." },
  sample_index: {
    type: "integer",
    minimum: 0,
    description:
      "Which sample of (variation, model, query) this is. If absent, the first sample without a transcript of this condition (so training and deployment pair up).",
  },
  labels: {
    type: "object",
    additionalProperties: labelValue,
    description:
      "Labels that came with the data (an LLM judge's complied, a classifier's verdict), stored as source labels. Null values are skipped.",
  },
  label_source: {
    type: "string",
    minLength: 1,
    description: 'Who gave the labels, e.g. "gpt-4o judge, prompt v2". Default: the file name.',
  },
};

export function buildRecordJsonSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of CANONICAL_FIELDS) {
    for (const [index, alias] of FIELD_ALIASES[field].entries()) {
      if (properties[alias]) continue; // "conversation" serves two fields: described below
      properties[alias] = index === 0 ? FIELDS[field] : { ...FIELDS[field], description: `Alias of ${FIELD_ALIASES[field][0]}.` };
    }
  }
  properties.conversation = {
    anyOf: [FIELDS.messages, FIELDS.transcript],
    description: "Alias of messages (an array) or of transcript (a string).",
  };
  for (const name of BARE_LABEL_FIELDS)
    properties[name] = { ...labelValue, description: `A label named ${name}, stored as a source label.` };
  const conversationFields = [...new Set([...FIELD_ALIASES.messages, ...FIELD_ALIASES.transcript, ...FIELD_ALIASES.response])];
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "AF Lens import record",
    description:
      "One transcript per record (a JSONL line, a JSON array element, a CSV row). Field names are matched case-insensitively, with spaces and dashes read as underscores; the first alias present wins. Unknown fields are ignored (the import preview lists them). See docs/importing.md.",
    type: "object",
    properties,
    patternProperties: {
      "^[Ll]abels?[._:].+$": {
        ...labelValue,
        description: "A label column, e.g. label.complied: stored as a source label named complied.",
      },
    },
    additionalProperties: true,
    anyOf: conversationFields.map((name) => ({ required: [name] })),
  };
}

export function buildMappingJsonSchema(): JsonSchema {
  return {
    ...z.toJSONSchema(mappingSchema, { io: "input" }),
    title: "AF Lens import mapping",
    description: "How to read a file whose shape the canonical record and its aliases do not cover. See docs/importing.md.",
  };
}

/** The published files, relative to the project root, and what builds each. */
export const IMPORT_SCHEMA_FILES: Record<string, () => JsonSchema> = {
  "docs/import/transcript-record.schema.json": buildRecordJsonSchema,
  "docs/import/mapping.schema.json": buildMappingJsonSchema,
  ...NATIVE_SCHEMA_FILES,
};
