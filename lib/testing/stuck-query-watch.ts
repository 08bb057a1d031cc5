import pg from "pg";

const EVERY_MS = 30_000;
const STUCK_AFTER = "45 seconds";

/**
 * Prints, to the test log, every statement on the test server that has run or waited for a lock
 * longer than STUCK_AFTER, with the sessions blocking it. A test that hangs on the database then
 * times out with the culprit named, instead of a bare "Hook timed out" (as once on CI, where
 * several files in a row timed out and nothing said why).
 */
export function watchForStuckQueries(databaseUrl: string): () => Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "stuck-query-watch" });
  const connected = client.connect().then(
    () => true,
    () => false,
  );
  const check = async () => {
    if (!(await connected)) return;
    const { rows } = await client.query<{
      datname: string;
      pid: number;
      state: string;
      wait: string | null;
      seconds: number;
      blocked_by: number[];
      query: string;
    }>(
      `SELECT datname, pid, state, wait_event_type || ':' || wait_event AS wait, extract(epoch FROM now() - query_start)::int AS seconds,
              pg_blocking_pids(pid) AS blocked_by, left(query, 300) AS query
         FROM pg_stat_activity
        WHERE pid <> pg_backend_pid()
          AND ((state = 'active' AND now() - query_start > $1::interval)
            OR (state = 'idle in transaction' AND now() - state_change > $1::interval))`,
      [STUCK_AFTER],
    );
    for (const row of rows) console.error(`[stuck-query-watch] ${JSON.stringify(row)}`);
  };
  const timer = setInterval(() => void check().catch(() => undefined), EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    if (await connected) await client.end().catch(() => undefined);
  };
}
