import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Structured JSON logs, one object per line on stdout (pino): what a log
 * collector behind several servers and workers can search by `request_id`,
 * `job_id` or `worker_id`. `LOG_LEVEL` (default info); `AF_SERVICE` names the
 * process (web, worker) in every line.
 */
const globalForLog = globalThis as unknown as { logger?: Logger };

export function logger(): Logger {
  globalForLog.logger ??= pino({
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: process.env.AF_SERVICE ?? "app", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
  return globalForLog.logger;
}
