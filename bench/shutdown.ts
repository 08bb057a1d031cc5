/**
 * The app's own database clients that a benchmark may have opened in this
 * process by calling app code (lib/db/client.ts, pg-pool.ts, replica.ts keep
 * them on globalThis). Each must be closed before the embedded PostgreSQL
 * stops: an idle pool client that sees the server's "terminating connection
 * due to administrator command" emits an 'error' nobody listens to, and Node
 * exits 1 after the figures were already printed.
 */
interface Closable {
  $disconnect?(): Promise<void>;
  end?(): Promise<void>;
}

const GLOBALS = ["prisma", "replicaPrisma", "pgPool", "replicaPool"] as const;

export async function closeAppClients() {
  const holder = globalThis as unknown as Record<(typeof GLOBALS)[number], Closable | undefined>;
  for (const name of GLOBALS) {
    const client = holder[name];
    if (!client) continue;
    holder[name] = undefined;
    await (client.$disconnect ? client.$disconnect() : client.end?.());
  }
}

/**
 * Waits until no other session is connected to the database. pg-pool's end()
 * resolves as soon as its clients are released, before their connections have
 * closed; a server stopping in that gap terminates them ("administrator
 * command") and the still-listening pool emits an error nobody handles. So the
 * benchmark stops the database only once every connection is gone (bounded:
 * a leak is reported, not waited on forever).
 */
export async function waitForConnectionsClosed(databaseUrl: string, timeoutMs = 10_000) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname = current_database()`,
      );
      if (rows[0].n === 0) return;
      if (Date.now() > deadline) {
        console.error(`bench: ${rows[0].n} database connection(s) still open at shutdown`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}
