import { randomBytes } from "node:crypto";
import pg from "pg";
import { installJobQueue } from "@/lib/jobs/install";
import { applyMigrations } from "./migrate";
import { runningServerUrl, startEmbeddedPostgres, type EmbeddedInstanceName } from "./embedded/server";

export interface Database {
  url: string;
  /** True when this process started an embedded server (and must stop it). */
  embedded: boolean;
  /** Embedded only: resolves when the server process ends. */
  exited?: Promise<void>;
  stop(): Promise<void>;
}

export interface OpenOptions {
  /**
   * Start from an empty database (tests, benchmarks). Embedded: a wiped data
   * directory. With DATABASE_URL: a scratch database created on that server and
   * dropped on stop, so nobody's data is ever touched.
   */
  fresh?: boolean;
  /** Use the embedded server another process already runs on this instance (e.g. `npm run dev`), if any. */
  shareRunning?: boolean;
}

/**
 * The database a script works on: DATABASE_URL when set (no embedded server
 * starts), otherwise this use's own embedded PostgreSQL. Migrations applied,
 * the job queue's schema installed.
 */
export async function openDatabase(instance: EmbeddedInstanceName, options: OpenOptions = {}): Promise<Database> {
  const external = process.env.DATABASE_URL;
  const running = !external && options.shareRunning ? runningServerUrl(instance) : null;
  const database = external
    ? await connectExternal(external, instance, options.fresh)
    : running
      ? { url: running, embedded: false, stop: async () => {} }
      : await startEmbedded(instance, options.fresh);
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length) console.error(`Applied migrations: ${applied.join(", ")}`);
    // The job queue's own schema (graphile-worker's migrations), so web servers can enqueue before a worker starts.
    await installJobQueue(database.url);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

async function startEmbedded(instance: EmbeddedInstanceName, fresh?: boolean): Promise<Database> {
  const port = process.env.PG_PORT ? Number(process.env.PG_PORT) : undefined;
  const server = await startEmbeddedPostgres(instance, { port, fresh });
  console.error(`Embedded PostgreSQL (${instance}) on port ${server.port}, data in ${server.dataDir}`);
  return { url: server.url, embedded: true, exited: server.exited, stop: server.stop };
}

async function connectExternal(url: string, instance: EmbeddedInstanceName, fresh?: boolean): Promise<Database> {
  if (!fresh) return { url, embedded: false, stop: async () => {} };
  const scratch = `af_${instance}_${randomBytes(4).toString("hex")}`;
  await adminQuery(url, `CREATE DATABASE "${scratch}"`);
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${scratch}`;
  return { url: scratchUrl.toString(), embedded: false, stop: () => adminQuery(url, `DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`) };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
