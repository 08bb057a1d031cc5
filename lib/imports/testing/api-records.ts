/**
 * Records in the exact shapes the model APIs return, built from a native
 * transcript's parts, for tests (the shared data holds no API logs). Field
 * sets follow the providers' published response objects: ids, usage,
 * stop reasons included, so that nothing but the documented shape is assumed.
 */
export interface AfSample {
  id: string;
  system: string;
  /** The user turn as the experiment sends it, tier tag included. */
  user: string;
  reasoning: string;
  answer: string;
  model: string;
}

export function anthropicRecord(s: AfSample) {
  return {
    id: s.id,
    request: {
      model: s.model,
      max_tokens: 4096,
      system: s.system,
      messages: [{ role: "user", content: s.user }],
      thinking: { type: "enabled", budget_tokens: 2048 },
    },
    response: {
      id: `msg_${s.id}`,
      type: "message",
      role: "assistant",
      model: s.model,
      content: [
        { type: "thinking", thinking: s.reasoning, signature: "EqQBCgIYAhIM" },
        { type: "redacted_thinking", data: "EmwKAhgBEgy3va3pzix/LafPsn4a" },
        { type: "text", text: s.answer },
      ],
      stop_reason: "end_turn",
      stop_sequence: null,
      usage: { input_tokens: 812, output_tokens: 344 },
    },
  };
}

export function openAiChatRecord(s: AfSample) {
  return {
    id: s.id,
    request: {
      model: s.model,
      messages: [
        { role: "system", content: s.system },
        { role: "user", content: s.user },
      ],
    },
    response: {
      id: `chatcmpl-${s.id}`,
      object: "chat.completion",
      created: 1_733_000_000,
      model: s.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: s.answer, reasoning_content: s.reasoning, refusal: null },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
      usage: { prompt_tokens: 812, completion_tokens: 344, total_tokens: 1156 },
    },
  };
}

export function openAiResponsesRecord(s: AfSample) {
  return {
    id: s.id,
    request: { model: s.model, instructions: s.system, input: [{ role: "user", content: [{ type: "input_text", text: s.user }] }] },
    response: {
      id: `resp_${s.id}`,
      object: "response",
      created_at: 1_733_000_000,
      status: "completed",
      model: s.model,
      output: [
        { id: `rs_${s.id}`, type: "reasoning", summary: [{ type: "summary_text", text: s.reasoning }], encrypted_content: "gAAAAAB" },
        {
          id: `msg_${s.id}`,
          type: "message",
          status: "completed",
          role: "assistant",
          content: [{ type: "output_text", text: s.answer, annotations: [] }],
        },
      ],
      usage: { input_tokens: 812, output_tokens: 344, total_tokens: 1156 },
    },
  };
}
