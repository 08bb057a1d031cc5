import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/open-database";
import { benchCharts } from "./charts";
import { benchExport } from "./export";
import { benchImport } from "./import";
import { benchJobs } from "./jobs";
import { benchJudgeValidation } from "./judge-validation";
import { benchJudges } from "./judges";
import { benchInspect } from "./inspect";
import { benchList } from "./list";
import { benchPair } from "./pair";
import { benchPages } from "./pages";
import { benchAnnotation } from "./annotation";
import { ensureCorpus } from "./corpus";
import { BENCH_SECRET } from "./next-server";
import { benchSaveCost } from "./save-cost";
import { ensureTeamCorpus } from "./team-corpus";
import { benchSeed } from "./seed";
import { closeAppClients, waitForConnectionsClosed } from "./shutdown";

/**
 * `npm run bench [-- --size N] [--only NAME] [--keep]`: prints one JSON object per line,
 * {"name", "value", "unit", "baseline", "ratio"}, each figure measured against
 * a baseline taken in the same run on the same database.
 */
// `only`: the full names asked for (--only page.search,page.agreement runs those pages only).
const BENCHMARKS: Record<string, (databaseUrl: string, size: number, only?: string[]) => Promise<void>> = {
  seed: benchSeed,
  charts: benchCharts,
  import: benchImport,
  inspect: benchInspect,
  list: benchList,
  pair: benchPair,
  // Both on the benchmarks' corpus with the team's labels (reused when kept): the save's SQL, then 50 annotators over HTTP.
  annotation: async (databaseUrl, size, only = []) => {
    const wanted = (name: string) => only.length === 0 || only.includes(name);
    if (wanted("annotation.save_sql")) {
      await ensureCorpus(databaseUrl, size);
      await ensureTeamCorpus(databaseUrl, size, BENCH_SECRET);
      await benchSaveCost(databaseUrl);
    }
    if (wanted("annotation.save_p95")) await benchAnnotation(databaseUrl, size);
  },
  export: benchExport,
  jobs: benchJobs,
  page: benchPages,
  // judge.throughput (its own 10,000-transcript database; --size does not apply), then judge.validation_page.
  judge: async (databaseUrl, size, only = []) => {
    const wanted = (name: string) => only.length === 0 || only.includes(name);
    if (wanted("judge.throughput")) await benchJudges(databaseUrl);
    if (wanted("judge.validation_page")) await benchJudgeValidation(databaseUrl, size);
  },
};

// --keep: reuse the bench database of the previous run (a 1,000,000-transcript corpus takes long to seed).
const { values } = parseArgs({
  options: { size: { type: "string", default: "100000" }, only: { type: "string" }, keep: { type: "boolean", default: false } },
});
const size = Number(values.size);
const asked = values.only ? values.only.split(",") : [];
const selected = asked.length ? [...new Set(asked.map((name) => name.split(".")[0]))] : Object.keys(BENCHMARKS);
for (const name of selected) {
  if (!BENCHMARKS[name]) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(", ")}`);
    process.exit(2);
  }
}

const database = await openDatabase("bench", { fresh: !values.keep });
try {
  for (const name of selected) {
    const only = asked.filter((full) => full.startsWith(`${name}.`));
    const started = performance.now();
    await BENCHMARKS[name](database.url, size, only);
    // How long each part takes: a full run at 1,000,000 must finish within 45 minutes (issue 17).
    process.stderr.write(`bench: ${name} took ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
} finally {
  // The app's clients (list, pair, pages) must let go before the database stops.
  await closeAppClients();
  await waitForConnectionsClosed(database.url).catch((error) => console.error(`bench: could not check open connections: ${error}`));
  await database.stop();
}
