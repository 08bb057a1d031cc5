import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
const observer = new pg.Client({ connectionString: url });
beforeAll(() => observer.connect());
afterAll(() => observer.end());

const backendAlive = async (pid: number) => (await observer.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])).rowCount === 1;

describe("a statement whose client has gone", () => {
  // A test that times out leaves its statement behind; before this, one ran on for half an hour
  // and every later test file waited on its locks.
  it("is stopped by the server, releasing its locks", async () => {
    const caller = new pg.Client({ connectionString: url });
    caller.on("error", () => {}); // its socket is cut below, on purpose
    await caller.connect();
    const pid: number = (await caller.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    caller.query("SELECT pg_sleep(600)").catch(() => {});
    await expect
      .poll(() => observer.query("SELECT state FROM pg_stat_activity WHERE pid = $1", [pid]).then((r) => r.rows[0]?.state))
      .toBe("active");
    // The socket closes without a goodbye, as when a test's worker process is killed.
    (caller as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await expect.poll(() => backendAlive(pid), { timeout: 20_000, interval: 500 }).toBe(false);
  });
});
