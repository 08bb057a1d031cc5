/**
 * The API and log shapes the importer recognises without a mapping, as JSON
 * Schemas (draft 2020-12) of exactly what it reads: published in
 * docs/import/ by `npm run docs:schema`, kept equal by a test, and checked
 * against the test files built in lib/imports/testing/. Other fields may be
 * present and are ignored (or read through the alias table: tier, variation, labels).
 */
type JsonSchema = Record<string, unknown>;
const DRAFT = "https://json-schema.org/draft/2020-12/schema";
const text = { type: "string" };
const parts = (types: string[]) => ({
  type: "array",
  items: {
    type: "object",
    required: ["type"],
    properties: { type: { type: "string", description: `Read: ${types.join(", ")}; others keep their type.` } },
  },
});

export function anthropicMessagesSchema(): JsonSchema {
  const message = {
    type: "object",
    required: ["role", "content"],
    properties: { role: { enum: ["user", "assistant"] }, content: { anyOf: [text, parts(["text", "image", "tool_use", "tool_result"])] } },
  };
  return {
    $schema: DRAFT,
    $id: "https://af-lens.invalid/import/anthropic-messages.schema.json",
    title: "An Anthropic Messages API record (one conversation)",
    description:
      "The request (`request`, or a batch request's `params`) and the response (`response`, or a batch result's `result.message`). The conversation is the request's messages and the response's content blocks as the last assistant turn: `thinking` and `redacted_thinking` are scratchpads, `text` is the answer, `tool_use` a tool call.",
    type: "object",
    required: [],
    anyOf: [{ required: ["response"] }, { required: ["result"] }],
    properties: {
      id: { type: ["string", "number"], description: "Read as the record's id (else `custom_id`)." },
      custom_id: text,
      request: {
        type: "object",
        properties: { model: text, system: { anyOf: [text, { type: "array" }] }, messages: { type: "array", items: message } },
      },
      params: { $ref: "#/properties/request" },
      response: {
        type: "object",
        required: ["type", "role", "content"],
        properties: {
          type: { const: "message" },
          role: { const: "assistant" },
          model: text,
          content: parts(["text", "thinking", "redacted_thinking", "tool_use", "server_tool_use"]),
        },
      },
      result: { type: "object", properties: { type: text, message: { $ref: "#/properties/response" } } },
    },
  };
}

export function openAiChatSchema(): JsonSchema {
  const assistant = {
    type: "object",
    properties: {
      role: { const: "assistant" },
      content: { anyOf: [text, { type: "null" }, parts(["text", "refusal"])] },
      reasoning_content: { ...text, description: "DeepSeek, vLLM: a scratchpad." },
      reasoning: { description: "OpenRouter: a scratchpad.", anyOf: [text, { type: "object" }] },
      refusal: { anyOf: [text, { type: "null" }] },
      tool_calls: { type: "array" },
    },
  };
  const response = {
    type: "object",
    required: ["choices"],
    properties: {
      object: { const: "chat.completion" },
      model: text,
      choices: {
        type: "array",
        minItems: 1,
        items: { type: "object", required: ["message"], properties: { index: { type: "integer" }, message: assistant } },
      },
      body: { description: "A batch output line's response body.", type: "object" },
    },
  };
  return {
    $schema: DRAFT,
    $id: "https://af-lens.invalid/import/openai-chat.schema.json",
    title: "An OpenAI-compatible chat completion record (OpenAI, DeepSeek, vLLM, OpenRouter)",
    description:
      "The request's `messages` and the response's `choices[i].message`, each choice a transcript; `reasoning_content` or `reasoning` beside the content is the scratchpad. Also a flat record of `messages` and `choices`, and batch lines (`response.body`).",
    type: "object",
    anyOf: [{ required: ["response"] }, { required: ["choices"] }],
    properties: {
      id: { type: ["string", "number"] },
      custom_id: text,
      request: { type: "object", properties: { model: text, messages: { type: "array" } } },
      response,
      messages: { type: "array" },
      choices: response.properties.choices,
    },
  };
}

export function openAiResponsesSchema(): JsonSchema {
  return {
    $schema: DRAFT,
    $id: "https://af-lens.invalid/import/openai-responses.schema.json",
    title: "An OpenAI Responses API record",
    description:
      "The request's `instructions` (the system prompt) and `input` (a string, or message items), and the response's `output` items in order: `reasoning` (its `content` and `summary` texts are scratchpads; only `encrypted_content`: redacted), `message` (output_text and refusal parts are the answer), `function_call` (a tool call).",
    type: "object",
    required: ["response"],
    properties: {
      id: { type: ["string", "number"] },
      request: { type: "object", properties: { model: text, instructions: text, input: { anyOf: [text, { type: "array" }] } } },
      response: {
        type: "object",
        required: ["object", "output"],
        properties: {
          object: { const: "response" },
          model: text,
          output: {
            type: "array",
            items: {
              type: "object",
              required: ["type"],
              properties: {
                type: { type: "string", description: "reasoning, message, function_call; others keep their type" },
                summary: { type: "array" },
                content: { type: "array" },
              },
            },
          },
        },
      },
    },
  };
}

export function inspectSampleSchema(): JsonSchema {
  return {
    $schema: DRAFT,
    $id: "https://af-lens.invalid/import/inspect-sample.schema.json",
    title: "A sample of an Inspect AI log (.eval entry samples/<id>_epoch_<n>.json, or an element of a .json log's samples)",
    description:
      "The log's eval.task is the setting and eval.model the model. From each sample: messages (content a string or typed parts: text, reasoning = ContentReasoning, image ...; attachment:// references resolved), metadata (tier / is_free_tier_user / condition, variation, setting), epoch (sample_index = epoch - 1), scores (each a source label; a dict-valued score one label per key).",
    type: "object",
    required: ["id", "epoch", "messages"],
    properties: {
      id: { type: ["string", "number"] },
      epoch: { type: "integer", minimum: 1 },
      messages: {
        type: "array",
        items: {
          type: "object",
          required: ["role", "content"],
          properties: { role: { enum: ["system", "user", "assistant", "tool"] }, content: { anyOf: [text, parts(["text", "reasoning"])] } },
        },
      },
      metadata: { type: "object" },
      scores: { type: "object", additionalProperties: { type: "object", properties: { value: {} } } },
      output: { type: "object" },
      attachments: { type: "object", additionalProperties: text },
    },
  };
}

export const NATIVE_SCHEMA_FILES: Record<string, () => JsonSchema> = {
  "docs/import/anthropic-messages.schema.json": anthropicMessagesSchema,
  "docs/import/openai-chat.schema.json": openAiChatSchema,
  "docs/import/openai-responses.schema.json": openAiResponsesSchema,
  "docs/import/inspect-sample.schema.json": inspectSampleSchema,
};
