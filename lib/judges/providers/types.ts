import type { ProviderName } from "../labels";

/** One request's messages (lib/judges/templates.ts renderPrompt). */
export interface JudgePrompt {
  system: string;
  user: string;
}

export interface ProviderConfig {
  provider: ProviderName;
  model: string;
  /** OpenAI-compatible servers (vLLM, Ollama, llama.cpp, OpenRouter, LiteLLM) and tests: where to send requests. */
  baseUrl?: string | null;
  /** Never logged, never stored in plain text (lib/judges/secrets.ts). */
  apiKey: string;
  /** Ask for a server-sent-events stream instead of one JSON response. */
  stream?: boolean;
  /** Structured output: OpenAI json_schema response_format, Anthropic a forced tool. Off for servers without it. */
  structured?: boolean;
  maxTokens?: number;
  temperature?: number;
  timeoutMs?: number;
}

export interface Completion {
  /** The answer as text: the message content, or the forced tool's input as JSON. */
  raw: string;
  tokensIn: number | null;
  tokensOut: number | null;
  /** The provider stopped at the token limit: the answer is cut off. */
  truncated: boolean;
  latencyMs: number;
}

/** A failed request, classified for the run: retry (429, 5xx, network) after `retryAfterMs` if given, or give up. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

export type Complete = (config: ProviderConfig, prompt: JudgePrompt, signal?: AbortSignal) => Promise<Completion>;
