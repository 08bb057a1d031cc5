import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { EmbeddedPostgresError } from "./errors";
import { binariesReachableBy, isReachableBy, locateBinaries, resolveRunAs, type RunAs } from "./postgres-binaries";

/** Each use gets its own data directory and port: two servers cannot share one. */
export const EMBEDDED_INSTANCES = {
  dev: { port: 54329, durable: true },
  test: { port: 54331, durable: false },
  e2e: { port: 54332, durable: false },
  bench: { port: 54333, durable: false },
} as const;
export type EmbeddedInstanceName = keyof typeof EMBEDDED_INSTANCES;

const SUPERUSER = "postgres";
/**
 * The server listens on 127.0.0.1 only; its password keeps the machine's other
 * users out. Each data directory gets its own random one, kept beside it in
 * `<data dir>.password` (mode 0600, readable by whoever runs the app, not by
 * other users). Directories made before that used this constant: the first
 * start changes their password to a random one (passwordFor, below).
 */
const OLD_CONSTANT_PASSWORD = "af-dashboard-local";
export const EMBEDDED_DATABASE = "af_dashboard";

export const passwordFileOf = (dataDir: string) => `${dataDir}.password`;

export interface EmbeddedServer {
  url: string;
  dataDir: string;
  port: number;
  /** Resolves when the server process ends, whoever ended it. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  /** Wipe the data directory first (tests and benchmarks start clean). */
  fresh?: boolean;
  log?: (line: string) => void;
  /** Default: `.data/pg-<name>` in the project. */
  dataDir?: string;
  /**
   * Stop a server still running on this data directory before starting. Default
   * for throwaway instances, whose leftovers come from crashed runs; the dev
   * instance may be another terminal's, so it refuses instead.
   */
  reclaimLeftover?: boolean;
}

export async function startEmbeddedPostgres(name: EmbeddedInstanceName, options: StartOptions = {}): Promise<EmbeddedServer> {
  const instance = EMBEDDED_INSTANCES[name];
  const port = options.port ?? instance.port + portOffset();
  const log = options.log ?? (() => {});
  const runAs = resolveRunAs();
  let binaries = await locateBinaries();
  if (runAs) binaries = binariesReachableBy(runAs, binaries, postgresVersion(binaries.nativeDir));

  const dataDir = options.dataDir ?? dataDirectoryFor(name, runAs);
  if (options.reclaimLeftover ?? !instance.durable) await stopLeftoverServer(dataDir);
  assertNotLocked(dataDir);
  if (options.fresh) {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(passwordFileOf(dataDir), { force: true });
  }
  await assertPortFree(port);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(binaries.initdb, dataDir, runAs);

  const durabilityFlags = instance.durable ? [] : ["-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off"];
  const child = spawn(
    binaries.postgres,
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      "-c",
      `shared_buffers=${sharedBuffersMb()}MB`,
      // PostgreSQL notices a vanished client only when it next writes to it: a statement whose
      // caller gave up (a timed-out test, a closed page) would run on, holding its locks, for as
      // long as it takes. Checking the socket every 2 s stops it within seconds.
      "-c",
      "client_connection_check_interval=2000",
      ...durabilityFlags,
    ],
    // Own process group: Ctrl-C in the terminal must not kill the database before
    // the app that uses it has stopped; we stop it ourselves, in order.
    { uid: runAs?.uid, gid: runAs?.gid, detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  await waitUntilReady(child, port, log);

  let password: string;
  try {
    password = await passwordFor(dataDir, port);
  } catch (error) {
    await stopServer(child);
    throw error;
  }
  const adminUrl = connectionUrl(port, "postgres", password);
  await ensureDatabase(adminUrl, EMBEDDED_DATABASE);
  return {
    url: connectionUrl(port, EMBEDDED_DATABASE, password),
    dataDir,
    port,
    exited: new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve()))),
    stop: () => stopServer(child),
  };
}

/**
 * `PG_PORT_OFFSET` moves every instance's port by the same amount, so that two
 * checkouts of the project (git worktrees) can run their tests side by side.
 */
function portOffset(): number {
  const offset = Number(process.env.PG_PORT_OFFSET ?? 0);
  if (!Number.isInteger(offset) || offset < 0 || offset > 10_000)
    throw new EmbeddedPostgresError(`PG_PORT_OFFSET must be a whole number from 0 to 10000, not "${process.env.PG_PORT_OFFSET}".`);
  return offset;
}

/**
 * PostgreSQL's default of 128 MB holds less than one text search's heap pages
 * on a million transcripts (a common phrase rechecks ~20,000 pages): an eighth
 * of the machine's memory, between 128 MB and 1 GB, keeps them cached.
 */
function sharedBuffersMb(): number {
  return Math.round(Math.min(1024, Math.max(128, os.totalmem() / 8 / 1024 / 1024)));
}

/**
 * The URL of the server already running on this instance's data directory
 * (e.g. `npm run dev` in another terminal), or null if none is. Lets a
 * command such as `npm run import` share it instead of failing on the lock.
 */
export function runningServerUrl(name: EmbeddedInstanceName): string | null {
  const dataDir = dataDirectoryFor(name, resolveRunAs());
  if (!livePostmasterPid(dataDir)) return null;
  // postmaster.pid: pid, data directory, start time, port, ...
  const port = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
  if (!Number.isInteger(port) || port <= 0 || !existsSync(passwordFileOf(dataDir))) return null;
  return connectionUrl(port, EMBEDDED_DATABASE, readPassword(dataDir));
}

function connectionUrl(port: number, database: string, password: string) {
  return `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

const newPassword = () => randomBytes(24).toString("base64url");
const readPassword = (dataDir: string) => readFileSync(passwordFileOf(dataDir), "utf8").trim();

function keepPassword(dataDir: string, password: string) {
  writeFileSync(passwordFileOf(dataDir), password + "\n", { mode: 0o600 });
  chmodSync(passwordFileOf(dataDir), 0o600); // an existing file keeps its mode on write
}

/**
 * The running server's password: the one kept beside its data directory, or,
 * for a directory made with the old constant password (none kept), a new
 * random one set now (ALTER ROLE) and kept from here on.
 */
async function passwordFor(dataDir: string, port: number): Promise<string> {
  if (existsSync(passwordFileOf(dataDir))) return readPassword(dataDir);
  const client = new pg.Client({ connectionString: connectionUrl(port, "postgres", OLD_CONSTANT_PASSWORD) });
  try {
    await client.connect();
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The database directory ${dataDir} has no password file beside it (${passwordFileOf(dataDir)}) and does not take the old default password either: ` +
        `put its password in that file (mode 0600), or move the directory away to start afresh. (${(error as Error).message})`,
    );
  }
  try {
    const password = newPassword();
    // ALTER ROLE takes no parameters; the password is base64url, nothing to quote.
    await client.query(`ALTER ROLE ${SUPERUSER} PASSWORD '${password}'`);
    keepPassword(dataDir, password);
    return password;
  } finally {
    await client.end();
  }
}

function postgresVersion(nativeDir: string) {
  const versionFile = path.join(nativeDir, "share", "postgresql", "postgres.bki");
  return createHash("sha256")
    .update(existsSync(versionFile) ? readFileSync(versionFile) : nativeDir)
    .digest("hex")
    .slice(0, 12);
}

/**
 * `.data/pg-<name>` in the project (git-ignored). As root, PostgreSQL runs as
 * the `postgres` user; if the project sits in a directory that user cannot
 * enter (e.g. under /root), keep the data in a shared place instead.
 */
/** A data directory for a throwaway server a test starts beside the usual ones (e.g. a streaming replica), where PostgreSQL's user can reach it. */
export function scratchDataDirectory(label: string): string {
  return dataDirectoryFor(label, resolveRunAs());
}

/** Gives a file the test wrote into a data directory to PostgreSQL's user (it runs as `postgres` when we are root). */
export function handToServer(file: string) {
  const runAs = resolveRunAs();
  if (runAs) chownSync(file, runAs.uid, runAs.gid);
}

function dataDirectoryFor(name: string, runAs: RunAs | undefined) {
  const projectDir = path.resolve(import.meta.dirname, "../../..");
  const inProject = path.join(projectDir, ".data", `pg-${name}`);
  mkdirSync(path.dirname(inProject), { recursive: true });
  if (!runAs || isReachableBy(runAs, path.dirname(inProject))) return inProject;
  const projectKey = createHash("sha256").update(projectDir).digest("hex").slice(0, 12);
  return path.join("/var/lib/af-dashboard", `data-${projectKey}`, `pg-${name}`);
}

/** The pid of a live server holding `dataDir`, if any (a stale pid file is ignored). */
function livePostmasterPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // ESRCH: stale pid file, PostgreSQL cleans it up itself. EPERM: alive, not ours.
    return (error as NodeJS.ErrnoException).code === "ESRCH" ? undefined : pid;
  }
}

async function stopLeftoverServer(dataDir: string) {
  const pid = livePostmasterPid(dataDir);
  if (!pid) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // not ours to stop: assertNotLocked explains
  }
  for (let waited = 0; waited < 15_000 && livePostmasterPid(dataDir); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function assertNotLocked(dataDir: string) {
  const pid = livePostmasterPid(dataDir);
  if (!pid) return;
  throw new EmbeddedPostgresError(
    `The database directory ${dataDir} is in use by another PostgreSQL server (pid ${pid}). ` +
      `Is the app already running in another terminal? Stop it first, or set DATABASE_URL to share one server.`,
  );
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new EmbeddedPostgresError(
              `Port ${port} is already in use, so the embedded PostgreSQL cannot start. Stop whatever uses it, or choose another port with PG_PORT=<port>.`,
            )
          : error,
      );
    });
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function initialise(initdb: string, dataDir: string, runAs: RunAs | undefined) {
  // Parents must stay enterable by the server's user (a recursive mkdir would
  // give them the data directory's private mode).
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  mkdirSync(dataDir, { mode: 0o700 });
  if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
  const password = newPassword();
  // initdb reads it from a file, as the server's user: private to that user, removed right after.
  const pwFile = path.join(os.tmpdir(), `af-pg-pw-${process.pid}-${Date.now()}`);
  writeFileSync(pwFile, password + "\n", { mode: 0o600 });
  if (runAs) chownSync(pwFile, runAs.uid, runAs.gid);
  try {
    const args = [
      "-D",
      dataDir,
      "-U",
      SUPERUSER,
      "--auth=scram-sha-256",
      `--pwfile=${pwFile}`,
      "--encoding=UTF8",
      "--locale=C",
      "--no-instructions",
    ];
    const child = spawn(initdb, args, { uid: runAs?.uid, gid: runAs?.gid, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (code !== 0) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new EmbeddedPostgresError(`Creating the database directory ${dataDir} failed: ${stderr.trim()}`);
    }
    keepPassword(dataDir, password);
  } finally {
    rmSync(pwFile, { force: true });
  }
}

function waitUntilReady(child: ChildProcess, port: number, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      output += text;
      log(text.trimEnd());
      // A standby (tests start one as a streaming replica) says "ready to accept read-only connections".
      if (/database system is ready to accept (read-only )?connections/.test(text)) {
        // Keep draining stderr so PostgreSQL never blocks on a full pipe.
        child.stderr!.off("data", onData);
        child.stderr!.resume();
        resolve();
      }
    };
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new EmbeddedPostgresError(explainStartFailure(output, port, code))));
    child.once("error", (error) => reject(new EmbeddedPostgresError(`Could not start PostgreSQL: ${error.message}`)));
  });
}

function explainStartFailure(output: string, port: number, code: number | null) {
  if (/could not bind|Address already in use/i.test(output)) return `Port ${port} is already in use; choose another with PG_PORT=<port>.`;
  if (/lock file .* already exists/i.test(output))
    return `The database directory is locked by another PostgreSQL server. Stop it first.\n${output.trim()}`;
  return `PostgreSQL exited during start-up (code ${code}):\n${output.trim()}`;
}

async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forceKill = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(forceKill);
      resolve();
    });
    child.kill("SIGINT"); // "fast shutdown": roll back open transactions, checkpoint, exit
  });
}
