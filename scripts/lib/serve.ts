import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { openDatabase, type Database } from "@/lib/db/open-database";
import type { EmbeddedInstanceName } from "@/lib/db/embedded/server";
import { DEFAULT_DEMO_SIZE, countTranscripts, seedDemoCorpus } from "@/lib/demo/seed";
import { ensureDemoAccounts } from "@/lib/auth/accounts";
import { standaloneAuth } from "@/lib/auth/standalone";
import { ensureAuthSecret } from "./auth-secret";
import { exitWithError } from "./exit";

const require = createRequire(import.meta.url);
const RESTART_DELAY_MS = 1_000;
const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Starts the database (embedded unless DATABASE_URL is set), loads the demo
 * corpus into an empty database, runs the web server (`next dev`, or for
 * `start` the production server scripts/web-server.ts) and a job worker
 * beside it (scripts/worker.ts; START_WORKER=false leaves jobs to workers run
 * elsewhere), and stops everything in order on Ctrl-C, SIGTERM or when the web
 * server exits. An embedded server or a worker that dies underneath the app is
 * restarted; pages say "database unavailable" meanwhile and recover on their own.
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

  const env = { ...process.env, DATABASE_URL: database.url, BETTER_AUTH_SECRET: secret };
  const web =
    nextCommand === "dev"
      ? spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", ...(options.args ?? [])], { stdio: "inherit", env })
      : spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/web-server.ts"), ...(options.args ?? [])], {
          stdio: "inherit",
          env: { ...env, NODE_ENV: "production" },
        });

  let stopping = false;
  let worker: ChildProcess | null = null;
  const startWorkerProcess = () => {
    worker = spawnWorker(env);
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`\nThe job worker stopped (${signal ?? `exit ${code}`}); restarting it…`);
      setTimeout(() => !stopping && startWorkerProcess(), RESTART_DELAY_MS);
    });
  };
  if (process.env.START_WORKER !== "false") startWorkerProcess();

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

  const stopChild = async (child: ChildProcess | null) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The worker first: it finishes or hands back its jobs while the database is still there.
    await Promise.all([stopChild(worker), stopChild(web)]);
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(130));
  process.on("SIGTERM", () => void shutdown(143));
  process.on("SIGHUP", () => void shutdown(129));
  web.on("exit", (code) => void shutdown(code ?? 1));
}

/** The worker beside the web server: its own process, so jobs never touch the web server's event loop or memory. */
export function spawnWorker(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(
    process.execPath,
    ["--max-old-space-size=1024", "--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/worker.ts")],
    { stdio: "inherit", env: { ...env, AF_SERVICE: "worker" } },
  );
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
