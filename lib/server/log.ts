import "server-only";

/**
 * Unexpected errors (bugs, outages) go to the server log with the request's
 * id; the user sees only a generic message quoting that id, so a report can
 * be matched to its stack trace.
 */
export function logUnexpected(requestId: string, what: string, error: unknown): void {
  console.error(`[request ${requestId}] ${what} failed:`, error);
}

export function logNotice(requestId: string, message: string, details: Record<string, unknown> = {}): void {
  console.warn(`[request ${requestId}] ${message}`, JSON.stringify(details));
}

export const GENERIC_FAILURE = "Something went wrong. The error was logged on the server";
export const genericFailure = (requestId: string) => `${GENERIC_FAILURE} (request ${requestId}).`;
