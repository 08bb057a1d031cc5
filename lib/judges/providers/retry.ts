import { ProviderError } from "./types";

export interface RetryOptions {
  /** Tries in all (the first one included). */
  attempts: number;
  /** Exponential backoff base: base · 2^(try − 1), with jitter, capped at maxDelayMs; a retry-after header wins when longer. */
  baseDelayMs: number;
  maxDelayMs: number;
  signal?: AbortSignal;
  /** Told of each wait (the run counts retries). */
  onRetry?: (error: ProviderError, delayMs: number) => void;
}

/** Calls `request` until it succeeds, retrying only what the provider says may be retried (429, 5xx, network). */
export async function withRetries<T>(request: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof ProviderError) || !error.retryable || attempt >= options.attempts) throw error;
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
      const delay = Math.min(options.maxDelayMs * 4, Math.max(backoff, error.retryAfterMs ?? 0));
      options.onRetry?.(error, delay);
      await sleep(delay, options.signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
