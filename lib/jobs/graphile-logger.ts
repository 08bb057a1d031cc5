import { Logger as GraphileLogger } from "graphile-worker";
import { logger } from "@/lib/log/logger";

/** graphile-worker's own messages, as JSON lines through the app's logger (its debug chatter only at LOG_LEVEL=debug). */
export function graphileLogger() {
  const log = logger().child({ component: "graphile-worker" });
  return new GraphileLogger(() => (level, message, meta) => {
    const fields = meta && Object.keys(meta).length ? { meta: summarise(meta) } : {};
    if (level === "error") log.error(fields, message);
    else if (level === "warning") log.warn(fields, message);
    else if (level === "info") log.info(fields, message);
    else log.debug(fields, message);
  });
}

function summarise(meta: Record<string, unknown>): Record<string, unknown> {
  // Meta can hold whole pool and job objects: keep what a reader needs.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (value instanceof Error) out[key] = value.message;
    else if (value === null || ["string", "number", "boolean"].includes(typeof value)) out[key] = value;
  }
  return out;
}
