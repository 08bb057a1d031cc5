import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/open-database";
import { benchCharts } from "./charts";
import { benchExport } from "./export";
import { benchImport } from "./import";
import { benchJobs } from "./jobs";
import { benchJudges } from "./judges";
import { benchInspect } from "./inspect";
import { benchList } from "./list";
import { benchPair } from "./pair";
import { benchAnnotation } from "./annotation";
import { benchSeed } from "./seed";

/**
 * `npm run bench [-- --size N] [--only NAME] [--keep]`: prints one JSON object per line,
 * {"name", "value", "unit", "baseline", "ratio"}, each figure measured against
 * a baseline taken in the same run on the same database.
 */
const BENCHMARKS: Record<string, (databaseUrl: string, size: number) => Promise<void>> = {
  seed: benchSeed,
  charts: benchCharts,
  import: benchImport,
  inspect: benchInspect,
  list: benchList,
  pair: benchPair,
  annotation: benchAnnotation,
  export: benchExport,
  jobs: benchJobs,
  // judge.throughput (its own 10,000-transcript database; --size does not apply).
  judge: benchJudges,
};

// --keep: reuse the bench database of the previous run (a 1,000,000-transcript corpus takes long to seed).
const { values } = parseArgs({
  options: { size: { type: "string", default: "100000" }, only: { type: "string" }, keep: { type: "boolean", default: false } },
});
const size = Number(values.size);
const selected = values.only ? values.only.split(",").map((name) => name.split(".")[0]) : Object.keys(BENCHMARKS);
for (const name of selected) {
  if (!BENCHMARKS[name]) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(", ")}`);
    process.exit(2);
  }
}

const database = await openDatabase("bench", { fresh: !values.keep });
try {
  for (const name of selected) await BENCHMARKS[name](database.url, size);
} finally {
  // The app's Prisma client (list, pair) must let go before its server stops.
  await (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma?.$disconnect();
  await database.stop();
}
