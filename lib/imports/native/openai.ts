import { isObject, requestAndResponse, systemText, type NativeShape, type Obj } from "./shapes";

/**
 * OpenAI-compatible chat completions (OpenAI, DeepSeek, vLLM, OpenRouter):
 * the request's `messages` and the response's `choices[i].message` (with
 * `reasoning_content` or `reasoning` beside its content). Each choice is a
 * conversation of its own (n > 1 samples). Also a flat record holding
 * `messages` and `choices` together.
 */
export function openAiChatShape(record: Obj): NativeShape | null {
  let { request, response, used } = requestAndResponse(record);
  if (!response && Array.isArray(record.choices)) {
    [request, response, used] = [record, record, ["choices", "messages"]];
  }
  if (!response || !Array.isArray(response.choices) || !response.choices.some((c) => isObject(c) && isObject(c.message))) return null;
  const messages = request && Array.isArray(request.messages) ? request.messages.filter(isObject) : [];
  const model = response.model ?? request?.model;
  const choices = response.choices.filter((choice): choice is Obj => isObject(choice) && isObject(choice.message));
  return {
    name: "openai-chat",
    used,
    conversations: choices.map((choice, i) => ({
      where: choices.length > 1 ? `choices.${typeof choice.index === "number" ? choice.index : i}` : undefined,
      values: {
        messages: [...messages, { role: "assistant", ...(choice.message as Obj) }],
        ...(typeof model === "string" ? { model } : {}),
        ...(typeof record.custom_id === "string" && record.id === undefined ? { id: record.custom_id } : {}),
      },
    })),
  };
}

/**
 * The OpenAI Responses API: the request's `instructions` (the system prompt)
 * and `input` (a string, or message items), the response's `output` items:
 * `reasoning` (its `summary` and `content` texts; only `encrypted_content`:
 * redacted), `message` (output_text, refusal) and `function_call`, in order.
 */
export function openAiResponsesShape(record: Obj): NativeShape | null {
  const { request, response, used } = requestAndResponse(record);
  if (!response || response.object !== "response" || !Array.isArray(response.output)) return null;
  const messages: Obj[] = [];
  const input = request?.input;
  if (typeof input === "string") messages.push({ role: "user", content: input });
  else if (Array.isArray(input)) for (const item of input) if (isObject(item) && typeof item.role === "string") messages.push(item);
  const parts: unknown[] = [];
  for (const item of response.output) {
    if (!isObject(item)) continue;
    if (item.type === "reasoning") {
      // The raw reasoning (content) and its summary are both kept, each a scratchpad; neither readable: redacted.
      const readable = Array.isArray(item.content) ? item.content : [];
      const summary = Array.isArray(item.summary) ? item.summary : [];
      if (readable.length)
        parts.push({
          type: "reasoning",
          reasoning: readable.map((c) => (isObject(c) && typeof c.text === "string" ? c.text : "")).join("\n\n"),
        });
      if (summary.length) parts.push({ type: "reasoning", summary });
      if (!readable.length && !summary.length) parts.push({ type: "reasoning", redacted: true, reasoning: "" });
    } else if (item.type === "message" && Array.isArray(item.content)) parts.push(...item.content);
    else if (item.type === "function_call") parts.push({ type: "tool_use", name: item.name, input: item.arguments });
    else if (typeof item.type === "string") parts.push({ type: item.type });
  }
  const system = request ? systemText(request.instructions) : undefined;
  const model = response.model ?? request?.model;
  return {
    name: "openai-responses",
    used,
    conversations: [
      {
        values: {
          messages: [...messages, { role: "assistant", content: parts }],
          ...(system !== undefined ? { system_prompt: system } : {}),
          ...(typeof model === "string" ? { model } : {}),
        },
      },
    ],
  };
}
