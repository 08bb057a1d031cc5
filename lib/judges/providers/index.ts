import { completeAnthropic } from "./anthropic";
import { completeOpenAI } from "./openai";
import type { Complete } from "./types";

export { ProviderError, type Completion, type ProviderConfig, type Complete, type JudgePrompt } from "./types";

/** One request to the judge's provider. */
export const complete: Complete = (config, prompt, signal) =>
  config.provider === "anthropic" ? completeAnthropic(config, prompt, signal) : completeOpenAI(config, prompt, signal);
