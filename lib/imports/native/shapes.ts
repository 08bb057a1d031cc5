import type { CanonicalField } from "../fields";
import { anthropicShape } from "./anthropic";
import { openAiChatShape, openAiResponsesShape } from "./openai";

/**
 * Records in the shape of a model API's request and response, recognised
 * without a mapping: what they hold, under canonical names, and the keys
 * they were read from (so aliases do not read those keys again). A shape
 * never guesses the tier or the variation: those come from the record's
 * other fields or from the conversation's tags, like any record's.
 */
export interface NativeShape {
  name: "anthropic-messages" | "openai-chat" | "openai-responses";
  /** One per conversation in the record (an OpenAI response with n > 1 choices holds several). */
  conversations: { where?: string; values: Partial<Record<CanonicalField, unknown>> }[];
  used: string[];
}

export const NATIVE_SHAPES = ["anthropic-messages", "openai-chat", "openai-responses"] as const;

export type Obj = Record<string, unknown>;
export const isObject = (value: unknown): value is Obj => typeof value === "object" && value !== null && !Array.isArray(value);

/** The request and response of a record: {request, response}, a batch line's {params | body, result | response.body}. */
export function requestAndResponse(record: Obj): { request: Obj | null; response: Obj | null; used: string[] } {
  const used: string[] = [];
  let request: Obj | null = null;
  for (const key of ["request", "params"]) {
    if (isObject(record[key])) {
      request = record[key] as Obj;
      used.push(key);
      break;
    }
  }
  if (request && isObject(request.body)) request = request.body as Obj; // an OpenAI batch request line
  let response: Obj | null = null;
  if (isObject(record.response)) {
    response = record.response as Obj;
    used.push("response");
    if (isObject(response.body)) response = response.body as Obj; // an OpenAI batch output line
  } else if (isObject(record.result)) {
    const result = record.result as Obj;
    if (isObject(result.message)) response = result.message as Obj; // an Anthropic batch result
    used.push("result");
  }
  return { request, response, used };
}

export function recognizeNativeShape(record: Obj): NativeShape | null {
  return anthropicShape(record) ?? openAiChatShape(record) ?? openAiResponsesShape(record);
}

/** A system prompt given as a string or as text blocks. */
export function systemText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (!Array.isArray(value)) return undefined;
  const texts = value.map((block) =>
    typeof block === "string" ? block : isObject(block) && typeof block.text === "string" ? block.text : "",
  );
  return texts.join("\n\n") || undefined;
}
