import { parseArgs } from "node:util";
import { DEFAULT_DEMO_SIZE, seedDemoCorpus } from "@/lib/demo/seed";
import { openDatabase } from "@/lib/db/open-database";
import { ensureDemoAccounts } from "@/lib/auth/accounts";
import { standaloneAuth } from "@/lib/auth/standalone";
import { ensureAuthSecret } from "./lib/auth-secret";
import { exitWithError } from "./lib/exit";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: String(DEFAULT_DEMO_SIZE) },
    seed: { type: "string", default: "1" },
    // The benchmarks' shape (bench/corpus.ts): --variations 150 --compromise-label.
    variations: { type: "string" },
    "compromise-label": { type: "boolean", default: false },
  },
});
const size = Number(values.size);
if (!Number.isInteger(size) || size < 2) exitWithError(new Error(`--size must be a whole number of at least 2, got "${values.size}"`));
const variations = values.variations === undefined ? undefined : Number(values.variations);
if (variations !== undefined && !Number.isInteger(variations))
  exitWithError(new Error(`--variations must be a whole number, got "${values.variations}"`));

const database = await openDatabase("dev").catch(exitWithError);
const started = performance.now();
const progress = (done: number) => process.stderr.write(`\rseeded ${done.toLocaleString("en")} / ${size.toLocaleString("en")}`);
try {
  const inserted = await seedDemoCorpus(database.url, {
    size,
    seed: Number(values.seed),
    onProgress: process.stderr.isTTY ? progress : undefined,
    shape: { variations, compromiseLabel: values["compromise-label"] },
  });
  const seconds = (performance.now() - started) / 1000;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    JSON.stringify({ inserted, seconds: Number(seconds.toFixed(2)), perSecond: Math.round(inserted / seconds), peakRssMb: peakMb }),
  );
  // The demo corpus comes with its demo accounts (README, "Demo accounts"); not timed above.
  const { auth, close } = standaloneAuth(database.url, ensureAuthSecret());
  await ensureDemoAccounts(auth).finally(close);
} catch (error) {
  await database.stop();
  exitWithError(error);
}
await database.stop();
