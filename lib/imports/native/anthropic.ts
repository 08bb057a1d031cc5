import { isObject, requestAndResponse, systemText, type NativeShape, type Obj } from "./shapes";

/**
 * Anthropic's Messages API: a record holding the request (`request` or a
 * batch line's `params`: `system`, `messages`, `model`) and the response
 * (`response`, or a batch result's `result.message`: `{type: "message", role:
 * "assistant", content: [text | thinking | redacted_thinking | tool_use ...]}`).
 * The conversation is the request's messages and the response as the last
 * assistant turn; its content blocks are read by lib/imports/native/message.ts.
 */
export function anthropicShape(record: Obj): NativeShape | null {
  const { request, response, used } = requestAndResponse(record);
  if (!response || response.type !== "message" || response.role !== "assistant" || !Array.isArray(response.content)) return null;
  const messages = request && Array.isArray(request.messages) ? request.messages.filter(isObject) : [];
  const system = request ? systemText(request.system) : undefined;
  return {
    name: "anthropic-messages",
    used,
    conversations: [
      {
        values: {
          messages: [...messages, { role: "assistant", content: response.content }],
          ...(system !== undefined ? { system_prompt: system } : {}),
          ...(typeof (response.model ?? request?.model) === "string" ? { model: response.model ?? request?.model } : {}),
          ...(typeof record.custom_id === "string" && record.id === undefined ? { id: record.custom_id } : {}),
        },
      },
    ],
  };
}
