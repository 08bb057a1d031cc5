import { createServer, type IncomingMessage } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { logger } from "@/lib/log/logger";
import { startDraining } from "@/lib/ops/draining";
import { requestIdFrom } from "@/lib/ops/request-id";

/**
 * The production web server (`npm start`, one of N behind a load balancer):
 * Next's request handler inside a plain Node HTTP server, so that every
 * request gets an id (`x-request-id`, kept from the proxy when it sends one,
 * echoed in the response, readable by the app) and one JSON log line, and so
 * that SIGTERM drains: /api/ready turns 503 (for DRAIN_DELAY_MS, default 0,
 * while the load balancer notices), then the server stops accepting, finishes
 * what it has (up to SHUTDOWN_TIMEOUT_MS, default 25 s) and exits.
 */
const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: true,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Not $HOSTNAME: containers set it to the machine's name, which would bind to one address only.
const hostname = values.hostname ?? "0.0.0.0";
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000);
// Behind a load balancer: how long to keep serving (answering /api/ready with 503) before closing, so it stops sending first.
const drainDelayMs = Number(process.env.DRAIN_DELAY_MS ?? 0);
process.env.AF_SERVICE ??= "web";
const log = logger();

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const requestId = requestIdFrom(request.headers["x-request-id"]);
  request.headers["x-request-id"] = requestId;
  response.setHeader("x-request-id", requestId);
  const started = performance.now();
  response.on("close", () => {
    const line = {
      request_id: requestId,
      method: request.method,
      // The path only: query strings can hold search words.
      path: (request.url ?? "").split("?")[0],
      status: response.statusCode,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(response.writableFinished ? {} : { aborted: true }),
    };
    if (isProbe(request)) log.debug(line, "request");
    else log.info(line, "request");
  });
  void handle(request, response);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => log.info({ port, hostname }, `web server listening on http://${hostname}:${port}`));

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  startDraining();
  log.info({ signal, drain_delay_ms: drainDelayMs, timeout_ms: shutdownTimeoutMs }, "web server draining");
  setTimeout(close, drainDelayMs);
}

function close() {
  const force = setTimeout(() => {
    log.warn("requests still open at the shutdown timeout; closing them");
    server.closeAllConnections();
  }, shutdownTimeoutMs);
  force.unref();
  server.close(() => {
    log.info("web server stopped");
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));

function isProbe(request: IncomingMessage) {
  return request.url === "/api/health" || request.url === "/api/ready";
}
