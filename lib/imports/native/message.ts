import { z } from "zod";
import { messagePartSchema, type MessagePart, type RawMessage } from "@/lib/transcripts/types";

/**
 * One chat message from any of the APIs and logs researchers keep, made into
 * a RawMessage. Understood, in one place:
 * - content as a string, or as typed parts: `text` / `input_text` / `output_text`,
 *   Anthropic `thinking`, `redacted_thinking`, `tool_use`, `tool_result`,
 *   Inspect `reasoning` (ContentReasoning), OpenAI `refusal`; `image`, `audio` and
 *   other non-text parts keep their kind (not their bytes);
 * - reasoning beside the content: `reasoning_content` (DeepSeek, vLLM), `reasoning`
 *   (OpenRouter; a string or `{summary: [...]}`), `reasoning_details`, `thinking`;
 * - `refusal` (OpenAI) and `tool_calls` (OpenAI, Inspect).
 * A message of plain text stays `{role, content}`, exactly as before parts existed.
 */
export type MessageResult = { ok: true; message: RawMessage } | { ok: false; message: string; field?: string };

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);
const asJsonText = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value ?? null) ?? ""));

const TEXT_TYPES = new Set(["text", "input_text", "output_text", "summary_text", "reasoning_text"]);

/** The text of a reasoning summary or detail list: [{text}] or [{summary}] or a string. */
function reasoningListText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (!Array.isArray(value)) return null;
  const texts = value
    .map((item) => (typeof item === "string" ? item : isObject(item) ? (item.text ?? item.summary ?? item.reasoning) : null))
    .filter((text): text is string => typeof text === "string");
  return texts.length ? texts.join("\n\n") : null;
}

/** Reasoning kept beside the content, as the message's first parts. */
function sideReasoning(message: Obj): MessagePart[] {
  const parts: MessagePart[] = [];
  for (const field of ["reasoning_content", "thinking"]) {
    if (typeof message[field] === "string" && message[field])
      parts.push({ type: "reasoning", source: field, text: message[field] as string });
  }
  const reasoning = message.reasoning;
  if (typeof reasoning === "string" && reasoning) parts.push({ type: "reasoning", source: "reasoning", text: reasoning });
  else if (isObject(reasoning)) {
    const text = reasoningListText(reasoning.summary) ?? reasoningListText(reasoning.content);
    if (text) parts.push({ type: "reasoning", source: "reasoning.summary", text });
  }
  if (!parts.some((part) => part.type === "reasoning" && part.source === "reasoning")) {
    const details = reasoningListText(message.reasoning_details);
    if (details) parts.push({ type: "reasoning", source: "reasoning_details", text: details });
  }
  return parts;
}

/** One typed content part; null when it carries nothing. */
function contentPart(part: unknown): MessagePart | null {
  if (typeof part === "string") return { type: "text", text: part };
  if (!isObject(part)) return null;
  const type = typeof part.type === "string" ? part.type : typeof part.text === "string" ? "text" : "unknown";
  if (TEXT_TYPES.has(type)) return typeof part.text === "string" ? { type: "text", text: part.text } : null;
  switch (type) {
    case "thinking":
      return { type: "reasoning", source: "thinking", text: typeof part.thinking === "string" ? part.thinking : "" };
    case "redacted_thinking":
      return { type: "reasoning", source: "redacted_thinking", text: "", redacted: true };
    case "reasoning": {
      // Inspect's ContentReasoning: `reasoning` holds the text, or, when redacted, an encrypted blob (the summary, if any, is readable).
      const redacted = part.redacted === true;
      const readable = redacted
        ? reasoningListText(part.summary)
        : typeof part.reasoning === "string"
          ? part.reasoning
          : reasoningListText(part.summary);
      return { type: "reasoning", source: "reasoning", text: readable ?? "", ...(redacted ? { redacted: true } : {}) };
    }
    case "refusal":
      return typeof part.refusal === "string" ? { type: "text", text: part.refusal } : null;
    case "tool_use":
    case "server_tool_use":
      return { type: "tool_call", name: typeof part.name === "string" ? part.name : "", input: asJsonText(part.input) };
    case "tool_result":
      return { type: "tool_result", text: contentText(part.content) };
    default:
      return { type: "other", source: type };
  }
}

/** Text of a tool result's content: a string or text parts. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return content === undefined || content === null ? "" : asJsonText(content);
  return content
    .map(contentPart)
    .map((part) => (part && (part.type === "text" || part.type === "tool_result") ? part.text : ""))
    .join("");
}

function toolCalls(message: Obj): MessagePart[] {
  if (!Array.isArray(message.tool_calls)) return [];
  return message.tool_calls.filter(isObject).map((call): MessagePart => {
    const fn = isObject(call.function) ? call.function : null;
    const name = typeof fn?.name === "string" ? fn.name : typeof call.function === "string" ? call.function : "";
    return { type: "tool_call", name, input: asJsonText(fn?.arguments ?? call.arguments ?? call.input) };
  });
}

export function toRawMessage(value: unknown): MessageResult {
  if (!isObject(value)) return { ok: false, message: "expected a message object with role and content" };
  const role = value.role;
  if (typeof role !== "string" || !role.trim()) return { ok: false, message: "a message needs a role (system, user, assistant, ...)" };
  const { content } = value;
  if (Array.isArray(value.parts)) {
    // Our own shape (an export being imported back): taken as it is.
    const parts = z.array(messagePartSchema).safeParse(value.parts);
    if (!parts.success) return { ok: false, message: `parts: ${parts.error.issues[0].message}` };
    const text = parts.data.map((part) => (part.type === "text" ? part.text : "")).join("");
    return { ok: true, message: { role, content: typeof content === "string" ? content : text, parts: parts.data } };
  }
  const parts: MessagePart[] = [...sideReasoning(value)];
  if (typeof content === "string") parts.push({ type: "text", text: content });
  else if (Array.isArray(content)) {
    for (const part of content) {
      const converted = contentPart(part);
      if (converted) parts.push(converted);
    }
  } else if (content !== undefined && content !== null) {
    return { ok: false, field: "content", message: "expected the turn's text: a string, or content parts" };
  }
  if (typeof value.refusal === "string" && value.refusal) parts.push({ type: "text", text: value.refusal });
  parts.push(...toolCalls(value));
  if (!parts.length) return { ok: false, field: "content", message: "expected the turn's text: a string, or content parts" };
  const text = parts.map((part) => (part.type === "text" ? part.text : "")).join("");
  if (parts.every((part) => part.type === "text")) return { ok: true, message: { role, content: text } };
  return { ok: true, message: { role, content: text, parts } };
}
