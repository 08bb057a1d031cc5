import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/open-database";
import { parseConcurrency } from "@/lib/jobs/concurrency";
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/log/logger";
import { exitWithError } from "./lib/exit";

const USAGE = `Usage: npm run worker [-- --concurrency export=2,import=1]
Runs background jobs (imports, exports, label-signature rebuilds) until stopped.
The database: DATABASE_URL, else the embedded one \`npm run dev\` runs (started if it is not running).
Stop with Ctrl-C or SIGTERM: running jobs get JOB_SHUTDOWN_GRACE_MS (default 10 s) to finish,
then are handed back to the queue for another worker.`;

const { values } = parseArgs({ options: { concurrency: { type: "string" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
process.env.AF_SERVICE ??= "worker";
const log = logger();
let concurrency;
try {
  concurrency = values.concurrency ? parseConcurrency(values.concurrency) : undefined;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

const database = await openDatabase("dev", { shareRunning: true }).catch(exitWithError);
const worker = await startWorker({ databaseUrl: database.url, concurrency }).catch(async (error: unknown) => {
  await database.stop();
  return exitWithError(error);
});

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  await database.stop();
  process.exit(code);
};
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
worker.done.catch(async (error: unknown) => {
  log.error({ err: error }, "worker stopped unexpectedly");
  await database.stop();
  process.exit(1);
});
