import { execFileSync } from "node:child_process";
import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "@/lib/testing/wait";
import { handToServer, passwordFileOf, scratchDataDirectory, startEmbeddedPostgres, type EmbeddedServer } from "./embedded/server";
import { applyMigrations } from "./migrate";

/**
 * DATABASE_REPLICA_URL against a real streaming replica: a second embedded
 * PostgreSQL made from a clean copy of a primary's data directory with
 * standby.signal and primary_conninfo, replaying the primary's WAL. With
 * replay paused, a heavy read (the chart's counts) still shows the old state
 * and a primary read the new one: the chart reads the replica.
 */
let primary: EmbeddedServer;
let replica: EmbeddedServer;
let primaryClient: pg.Client;
let replicaClient: pg.Client;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  const primaryDir = scratchDataDirectory("replica-test-primary");
  const replicaDir = scratchDataDirectory("replica-test-standby");
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  primary = await startEmbeddedPostgres("test", { port: primaryPort, dataDir: primaryDir, fresh: true });
  await applyMigrations(primary.url);
  // A clean shutdown leaves a data directory that a standby can start from (what pg_basebackup would copy).
  await primary.stop();
  rmSync(replicaDir, { recursive: true, force: true });
  execFileSync("cp", ["-a", primaryDir, replicaDir]);
  // The copy's superuser has the primary's password, kept beside each data directory (mode 0600).
  execFileSync("cp", ["-a", passwordFileOf(primaryDir), passwordFileOf(replicaDir)]);
  const signal = path.join(replicaDir, "standby.signal");
  writeFileSync(signal, "");
  handToServer(signal);
  const url = new URL(primary.url);
  appendFileSync(
    path.join(replicaDir, "postgresql.auto.conf"),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=${url.username} password=${decodeURIComponent(url.password)} application_name=af-replica-test'\n`,
  );
  primary = await startEmbeddedPostgres("test", { port: primaryPort, dataDir: primaryDir });
  replica = await startEmbeddedPostgres("test", { port: replicaPort, dataDir: replicaDir });
  primaryClient = new pg.Client({ connectionString: primary.url });
  replicaClient = new pg.Client({ connectionString: replica.url });
  await primaryClient.connect();
  await replicaClient.connect();
  process.env.DATABASE_URL = primary.url;
  process.env.DATABASE_REPLICA_URL = replica.url;
}, 120_000);

afterAll(async () => {
  await primaryClient?.end();
  await replicaClient?.end();
  await replica?.stop();
  await primary?.stop();
  for (const dir of [replica?.dataDir, primary?.dataDir])
    if (dir) for (const leftover of [dir, passwordFileOf(dir)]) rmSync(leftover, { recursive: true, force: true });
  delete process.env.DATABASE_REPLICA_URL;
});

describe("a read replica", () => {
  it("is a streaming standby of the primary", async () => {
    const { rows } = await replicaClient.query<{ standby: boolean }>(`SELECT pg_is_in_recovery() AS standby`);
    expect(rows[0].standby).toBe(true);
    const streaming = await waitUntil(
      () => primaryClient.query<{ state: string }>(`SELECT state FROM pg_stat_replication`).then((r) => r.rows),
      (r) => r.length === 1 && r[0].state === "streaming",
      "the replica to stream",
    );
    expect(streaming[0].state).toBe("streaming");
  });

  it("serves the heavy reads (chart counts) while writes and other reads stay on the primary", async () => {
    const { readDb } = await import("./replica");
    const { db } = await import("./client");
    const { variationCounts } = await import("@/lib/analytics/queries");
    const { rows } = await primaryClient.query<{ id: number }>(
      `INSERT INTO settings (slug, name) VALUES ('replica-test', 'Replica test') RETURNING id`,
    );
    const settingId = rows[0].id;
    await primaryClient.query(
      `INSERT INTO prompt_variations (setting_id, slug, name, is_baseline) VALUES ($1, 'baseline', 'Baseline', true)`,
      [settingId],
    );
    const filter = { settingId, labelSource: { kind: "consensus" as const } };
    await waitUntil(
      () => variationCounts(filter),
      (v) => v.length === 1,
      "the replica to catch up",
    );

    await replicaClient.query(`SELECT pg_wal_replay_pause()`);
    await primaryClient.query(`INSERT INTO prompt_variations (setting_id, slug, name) VALUES ($1, 'cut-rlhf', 'RLHF cut')`, [settingId]);
    expect((await variationCounts(filter)).map((v) => v.name)).toEqual(["Baseline"]);
    expect(await db().promptVariation.count({ where: { settingId } })).toBe(2);
    const recovery = await readDb().$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`;
    expect(recovery[0].standby).toBe(true);

    await replicaClient.query(`SELECT pg_wal_replay_resume()`);
    const caughtUp = await waitUntil(
      () => variationCounts(filter),
      (v) => v.length === 2,
      "replay to resume",
    );
    expect(caughtUp.map((v) => v.name).sort()).toEqual(["Baseline", "RLHF cut"]);
  });
});
