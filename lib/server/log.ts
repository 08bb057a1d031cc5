import "server-only";
import { logger } from "@/lib/log/logger";

/**
 * Unexpected errors (bugs, outages) go to the server log (the one pino
 * logger, lib/log/logger.ts) with the request's id as `request_id`, the key
 * the web server's access line uses too; the user sees only a generic message
 * quoting that id, so a report can be matched to its stack trace.
 */
export function logUnexpected(requestId: string, what: string, error: unknown): void {
  logger().error({ request_id: requestId, err: error }, `${what} failed`);
}

export function logNotice(requestId: string, message: string, details: Record<string, unknown> = {}): void {
  logger().warn({ request_id: requestId, ...details }, message);
}

/** An expected outage (the database is down): a warning, without a stack. */
export function logUnavailable(requestId: string | null, error: unknown): void {
  logger().warn({ ...(requestId ? { request_id: requestId } : {}), reason: (error as Error).message }, "database unavailable");
}

export const GENERIC_FAILURE = "Something went wrong. The error was logged on the server";
export const genericFailure = (requestId: string) => `${GENERIC_FAILURE} (request ${requestId}).`;
