// No "server-only" here: the import engine and the worker, which run outside Next, classify errors too.
/**
 * True when an error means "the database cannot be reached" (down, restarting,
 * wrong address) rather than a bug. Pages show a clear notice for these and
 * recover on the next request, since the pool reconnects by itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof name === "string" && name === "PrismaClientInitializationError") return true;
    if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P03",
  "P1001",
  "P1017",
]);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|connection terminated|Connection terminated|timeout exceeded when trying to connect|DatabaseNotReachable|Can't reach database|the database system is (starting up|shutting down)|terminating connection/i;
