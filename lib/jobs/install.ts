import { runMigrations } from "graphile-worker";
import pg from "pg";
import { graphileLogger } from "./graphile-logger";

// The same key as the app's migration runner (lib/db/migrate.ts): one migrator at a time, whichever kind.
const MIGRATION_LOCK_KEY = 7_361_204;

/**
 * Creates or upgrades graphile-worker's own schema (`graphile_worker`) with
 * graphile-worker's migrations. It lives beside the app's tables, outside
 * prisma/migrations and the schema comparison (which reads the public schema
 * only); every start runs this after the app's migrations, so web servers can
 * enqueue before any worker started.
 */
export async function installJobQueue(databaseUrl: string) {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await runMigrations({ connectionString: databaseUrl, logger: graphileLogger() });
  } finally {
    await lock.end();
  }
}
