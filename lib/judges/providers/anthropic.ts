import Anthropic from "@anthropic-ai/sdk";
import { ANSWER_JSON_SCHEMA } from "../templates";
import { classifyProviderError } from "./errors";
import type { Completion, JudgePrompt, ProviderConfig } from "./types";

const TOOL_NAME = "record_verdict";

/**
 * Anthropic's Messages API through the official SDK (POST {baseURL}/v1/messages).
 * Structured output is a forced tool whose input schema is the output fields;
 * its input, as JSON, is the raw answer. Without it the text blocks are.
 */
export async function completeAnthropic(config: ProviderConfig, prompt: JudgePrompt, signal?: AbortSignal): Promise<Completion> {
  const client = new Anthropic({
    apiKey: config.apiKey,
    baseURL: config.baseUrl ?? undefined,
    maxRetries: 0,
    timeout: config.timeoutMs ?? 120_000,
  });
  const structured = config.structured !== false;
  const body = {
    model: config.model,
    max_tokens: config.maxTokens ?? 1024,
    temperature: config.temperature ?? 1,
    system: prompt.system,
    messages: [{ role: "user" as const, content: prompt.user }],
    ...(structured
      ? {
          tools: [
            {
              name: TOOL_NAME,
              description: "Record the verdict with its reason and evidence.",
              input_schema: ANSWER_JSON_SCHEMA as unknown as Anthropic.Tool.InputSchema,
            },
          ],
          tool_choice: { type: "tool" as const, name: TOOL_NAME },
        }
      : {}),
  };
  const started = performance.now();
  try {
    const message = config.stream
      ? await client.messages.stream(body, { signal }).finalMessage()
      : await client.messages.create(body, { signal });
    const tool = message.content.find((block) => block.type === "tool_use" && block.name === TOOL_NAME);
    const raw =
      tool && tool.type === "tool_use"
        ? JSON.stringify(tool.input)
        : message.content
            .filter((block) => block.type === "text")
            .map((block) => (block.type === "text" ? block.text : ""))
            .join("");
    return {
      raw,
      tokensIn: message.usage?.input_tokens ?? null,
      tokensOut: message.usage?.output_tokens ?? null,
      truncated: message.stop_reason === "max_tokens",
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    throw classifyProviderError(
      error,
      (e): e is InstanceType<typeof Anthropic.APIError> => e instanceof Anthropic.APIError && !(e instanceof Anthropic.APIUserAbortError),
      isAbort,
    );
  }
}

const isAbort = (error: unknown) => error instanceof Anthropic.APIUserAbortError;
