import OpenAI from "openai";
import { ANSWER_JSON_SCHEMA } from "../templates";
import { classifyProviderError } from "./errors";
import type { Completion, JudgePrompt, ProviderConfig } from "./types";

/**
 * OpenAI-compatible chat completions through the official SDK (POST
 * {baseURL}/chat/completions). The SDK's own retries are off: the run retries
 * with its own backoff and rate limit (lib/judges/run), so a 429 is seen once.
 */
export async function completeOpenAI(config: ProviderConfig, prompt: JudgePrompt, signal?: AbortSignal): Promise<Completion> {
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl ?? undefined,
    maxRetries: 0,
    timeout: config.timeoutMs ?? 120_000,
  });
  const body = {
    model: config.model,
    messages: [
      { role: "system" as const, content: prompt.system },
      { role: "user" as const, content: prompt.user },
    ],
    max_tokens: config.maxTokens ?? 1024,
    temperature: config.temperature ?? 1,
    ...(config.structured === false
      ? {}
      : {
          response_format: {
            type: "json_schema" as const,
            json_schema: { name: "judge_verdict", strict: true, schema: ANSWER_JSON_SCHEMA as unknown as Record<string, unknown> },
          },
        }),
  };
  const started = performance.now();
  try {
    if (config.stream) {
      const stream = await client.chat.completions.create({ ...body, stream: true, stream_options: { include_usage: true } }, { signal });
      let raw = "";
      let finish: string | null = null;
      let usage: OpenAI.CompletionUsage | undefined;
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        if (choice?.delta?.content) raw += choice.delta.content;
        if (choice?.finish_reason) finish = choice.finish_reason;
        if (chunk.usage) usage = chunk.usage;
      }
      return done(raw, usage, finish, started);
    }
    const response = await client.chat.completions.create(body, { signal });
    const choice = response.choices[0];
    return done(choice?.message?.content ?? "", response.usage, choice?.finish_reason ?? null, started);
  } catch (error) {
    throw classifyProviderError(
      error,
      (e): e is InstanceType<typeof OpenAI.APIError> => e instanceof OpenAI.APIError && !(e instanceof OpenAI.APIUserAbortError),
      isAbort,
    );
  }
}

function done(raw: string, usage: OpenAI.CompletionUsage | undefined, finish: string | null, started: number): Completion {
  return {
    raw,
    tokensIn: usage?.prompt_tokens ?? null,
    tokensOut: usage?.completion_tokens ?? null,
    truncated: finish === "length",
    latencyMs: Math.round(performance.now() - started),
  };
}

const isAbort = (error: unknown) => error instanceof OpenAI.APIUserAbortError;
