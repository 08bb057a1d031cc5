import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { jobDocument } from "@/lib/jobs/document";
import { cancelJob, enqueueJob, getJob, listJobs } from "@/lib/jobs/queue";
import { exitWithError } from "./lib/exit";

const USAGE = `Usage: npm run jobs -- list [--kind K] [--status S]
       npm run jobs -- show ID
       npm run jobs -- cancel ID
       npm run jobs -- rebuild-label-signatures [--variation ID]...
The background jobs (lib/jobs), as JSON lines. rebuild-label-signatures queues a
rebuild of the charts' precomputed source-label counts (all variations, or those given);
a worker (npm run worker, or the one npm run dev / npm start runs) does it.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: "string" },
    status: { type: "string" },
    variation: { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
  },
});
const [command, idText] = positionals;
if (values.help || !command) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const id = Number(idText);
if ((command === "show" || command === "cancel") && !(Number.isInteger(id) && id > 0)) {
  console.error(`${command} needs a job id.\n\n${USAGE}`);
  process.exit(2);
}

const database = await openDatabase("dev", { shareRunning: true }).catch(exitWithError);
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  if (command === "list") {
    const jobs = await listJobs(client, { kind: values.kind, status: values.status as never, limit: 50 });
    for (const job of jobs) console.log(JSON.stringify(jobDocument(job)));
  } else if (command === "show") {
    const job = await getJob(client, id);
    if (!job) throw new Error(`There is no job ${id}.`);
    console.log(JSON.stringify(jobDocument(job)));
  } else if (command === "cancel") {
    console.log(JSON.stringify({ id, outcome: await cancelJob(client, id) }));
  } else if (command === "rebuild-label-signatures") {
    const variationIds = values.variation?.map(Number);
    if (variationIds?.some((v) => !Number.isInteger(v) || v <= 0)) throw new Error("--variation takes a variation id (a whole number).");
    const jobId = await enqueueJob(client, "label-signatures", { variationIds });
    console.log(JSON.stringify({ id: jobId, kind: "label-signatures", status: "queued" }));
  } else {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    process.exitCode = 2;
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await client.end();
  await database.stop();
}
