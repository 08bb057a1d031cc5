import { isDatabaseUnavailable } from "@/lib/db/unavailable-error";
import { TransientJobError } from "./define";

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "UND_ERR_SOCKET",
]);

/**
 * Is a failure worth another attempt? Yes when the database or the storage
 * could not be reached or answered "try later" (S3 5xx, throttling); no for
 * everything else (bad data, a bug): retrying those only repeats the failure.
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof TransientJobError) return true;
  if (isDatabaseUnavailable(error)) return true;
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, name, $metadata, $retryable } = current as {
      code?: unknown;
      name?: unknown;
      $metadata?: { httpStatusCode?: number };
      $retryable?: unknown;
    };
    if (typeof code === "string" && NETWORK_CODES.has(code)) return true;
    if ($retryable) return true;
    if ($metadata?.httpStatusCode && ($metadata.httpStatusCode >= 500 || $metadata.httpStatusCode === 429)) return true;
    if (name === "TimeoutError" || name === "SlowDown" || name === "RequestTimeout") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
