import { ProviderError } from "./types";

interface SdkApiError {
  status?: number;
  headers?: Headers;
  message: string;
}

/** retry-after-ms (OpenAI) or retry-after in seconds or as an HTTP date (RFC 9110). */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = headers?.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const after = headers?.get("retry-after");
  if (!after) return undefined;
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The SDKs' errors as the run needs them. The API key is never part of the
 * message: the SDKs do not echo it, and only the status and the provider's own
 * error text are kept.
 */
export function classifyProviderError(
  error: unknown,
  isApiError: (error: unknown) => error is SdkApiError,
  isAbort: (error: unknown) => boolean,
): unknown {
  if (isAbort(error)) return error;
  if (isApiError(error)) {
    const status = error.status;
    if (status === undefined) return new ProviderError(`The provider could not be reached: ${error.message}`, true);
    const retryable = status === 408 || status === 409 || status === 429 || status >= 500;
    return new ProviderError(`The provider answered ${status}: ${error.message}`, retryable, status, retryAfterMs(error.headers));
  }
  if (error instanceof SyntaxError) return new ProviderError(`The provider's response is not valid JSON: ${error.message}`, true);
  return error;
}
