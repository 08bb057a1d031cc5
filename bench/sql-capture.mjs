// Preloaded into the benchmark's `next start` (NODE_OPTIONS=--import): records the SQL
// statements the server sends while capture is on, so that a page's baseline is the very
// SQL that page ran, not a hand copy that drifts from it. SIGUSR2 toggles capture; turning
// it off writes what was recorded to BENCH_SQL_CAPTURE as JSON. pg is an external package
// in the Next build (next.config.ts), so patching its Client here patches the app's, Prisma's
// driver adapter included. Off, the patch costs one boolean test per query.
import { writeFileSync } from "node:fs";
import pg from "pg";

const target = process.env.BENCH_SQL_CAPTURE;
if (target) {
  let log = null;
  process.on("SIGUSR2", () => {
    if (log === null) {
      log = [];
      return;
    }
    writeFileSync(
      target,
      JSON.stringify(log, (_, value) => (typeof value === "bigint" ? value.toString() : value)),
    );
    log = null;
  });
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(config, values, callback) {
    if (log === null || !config) return query.call(this, config, values, callback);
    const text = typeof config === "string" ? config : config.text;
    const entry = {
      text,
      name: typeof config === "object" ? config.name : undefined,
      values: (typeof config === "object" && config.values) || (Array.isArray(values) ? values : undefined),
      start: performance.now(),
      end: null,
    };
    if (typeof text === "string") log.push(entry);
    const done = () => (entry.end = performance.now());
    const cb = typeof values === "function" ? values : typeof callback === "function" ? callback : null;
    if (cb) {
      const wrapped = (...args) => (done(), cb(...args));
      return typeof values === "function" ? query.call(this, config, wrapped) : query.call(this, config, values, wrapped);
    }
    if (typeof config === "object" && typeof config.callback === "function") {
      const original = config.callback;
      config.callback = (...args) => (done(), original(...args));
      return query.call(this, config, values, callback);
    }
    const result = query.call(this, config, values, callback);
    if (result && typeof result.then === "function") result.then(done, done);
    return result;
  };
}
