import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { openDatabase, type Database } from "@/lib/db/open-database";
import type { EmbeddedInstanceName } from "@/lib/db/embedded/server";
import { DEFAULT_DEMO_SIZE, countTranscripts, seedDemoCorpus } from "@/lib/demo/seed";
import { ensureDemoAccounts } from "@/lib/auth/accounts";
import { standaloneAuth } from "@/lib/auth/standalone";
import { ensureAuthSecret } from "./auth-secret";
import { exitWithError } from "./exit";

const require = createRequire(import.meta.url);
const RESTART_DELAY_MS = 1_000;

/**
 * Starts the database (embedded unless DATABASE_URL is set), loads the demo
 * corpus into an empty database, runs `next <command>` against it, and stops
 * everything in order on Ctrl-C, SIGTERM or when Next exits. An embedded
 * server that dies underneath the app is restarted on the same port; pages say
 * "database unavailable" meanwhile and recover on their own.
 */
export async function serve(
  nextCommand: "dev" | "start",
  instance: EmbeddedInstanceName,
  options: {
    args?: string[];
    fresh?: boolean;
    /** Runs once the demo corpus is in (e2e fixtures). */ prepare?: (databaseUrl: string) => Promise<void>;
  } = {},
) {
  let database = await openDatabase(instance, { fresh: options.fresh }).catch(exitWithError);
  const secret = ensureAuthSecret();
  try {
    await loadDemoIfEmpty(database.url, secret);
    await options.prepare?.(database.url);
  } catch (error) {
    await database.stop();
    exitWithError(error);
  }

  const nextBin = require.resolve("next/dist/bin/next");
  const next = spawn(process.execPath, [nextBin, nextCommand, ...(options.args ?? [])], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: secret },
  });

  let stopping = false;
  const superviseDatabase = (current: Database) =>
    current.exited?.then(async () => {
      if (stopping) return;
      console.error("\nThe embedded PostgreSQL stopped unexpectedly; restarting it…");
      await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
      try {
        database = await openDatabase(instance);
        superviseDatabase(database);
      } catch (error) {
        console.error(`Could not restart PostgreSQL: ${(error as Error).message}`);
      }
    });
  superviseDatabase(database);

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null && next.signalCode === null) {
      next.kill("SIGTERM");
      await new Promise((resolve) => next.once("exit", resolve));
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(130));
  process.on("SIGTERM", () => void shutdown(143));
  process.on("SIGHUP", () => void shutdown(129));
  next.on("exit", (code) => void shutdown(code ?? 1));
}

/** An empty database gets the demo corpus and, with it (only then), the demo accounts. */
async function loadDemoIfEmpty(databaseUrl: string, secret: string) {
  if ((await countTranscripts(databaseUrl)) > 0) return;
  const started = Date.now();
  const size = Number(process.env.DEMO_SIZE ?? DEFAULT_DEMO_SIZE);
  const inserted = await seedDemoCorpus(databaseUrl, { size });
  console.error(`Loaded ${inserted} demo transcripts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const { auth, close } = standaloneAuth(databaseUrl, secret);
  try {
    const created = await ensureDemoAccounts(auth);
    if (created.length) console.error(`Created the demo accounts (README, "Demo accounts"): ${created.join(", ")}`);
  } finally {
    await close();
  }
}
