import pg from "pg";
import type { TestProject } from "vitest/node";
import { watchForStuckQueries } from "@/lib/testing/stuck-query-watch";
import { openDatabase } from "./open-database";

import "@/lib/testing/provided-context";

/**
 * Database tests run against real PostgreSQL: a fresh embedded server, or,
 * when DATABASE_URL is set, a scratch database on that server dropped afterwards.
 *
 * Files run two (or more) at a time, so each Vitest worker gets a database of its own: the migrated one is worker
 * 1's and the template of the others' (`CREATE DATABASE ... TEMPLATE`, a file copy: migrations run once).
 */
export default async function setup(project: TestProject) {
  const database = await openDatabase("test", { fresh: true });
  // Worker ids (VITEST_POOL_ID) run from 1 to the run's worker count (vitest.config.ts, or --maxWorkers).
  const workers = Math.max(1, project.config.maxWorkers || 0, project.vitest.config.maxWorkers || 0);
  const clones = Array.from({ length: workers - 1 }, (_, i) => cloneUrl(database.url, i + 2));
  try {
    const template = databaseName(database.url);
    await withAdmin(database.url, async (admin) => {
      // The template must have no other session while it is copied; this one is on the maintenance database.
      for (const url of clones) {
        const name = databaseName(url);
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`);
      }
    });
  } catch (error) {
    await database.stop();
    throw error;
  }
  project.provide("databaseUrls", [database.url, ...clones]);
  const stopWatching = watchForStuckQueries(database.url);
  return async () => {
    await stopWatching();
    // A scratch database on an external server goes with its clones; an embedded server's data directory is wiped.
    if (!database.embedded) await withAdmin(database.url, (admin) => dropAll(admin, clones)).catch(() => undefined);
    await database.stop();
  };
}

const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

function cloneUrl(url: string, worker: number): string {
  const clone = new URL(url);
  clone.pathname = `/${databaseName(url)}_w${worker}`;
  return clone.toString();
}

async function dropAll(admin: pg.Client, urls: string[]) {
  for (const url of urls) await admin.query(`DROP DATABASE IF EXISTS "${databaseName(url)}" WITH (FORCE)`);
}

/** A session on the server's `postgres` database (never on the template, which must be idle to be copied). */
async function withAdmin<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
