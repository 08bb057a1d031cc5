import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./server";
import { EmbeddedPostgresError } from "./errors";

/**
 * A data directory and a free port of the test's own: the real instances'
 * directories (.data/pg-bench, ...) may hold a benchmark's corpus or a running
 * server, which these tests must neither wipe nor stop.
 */
async function scratch() {
  const root = mkdtempSync(path.join(os.tmpdir(), "af-pg-test-"));
  chmodSync(root, 0o755); // as root, PostgreSQL runs as "postgres" and must reach it
  const probe = net.createServer();
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, "127.0.0.1", () => resolve((probe.address() as net.AddressInfo).port)),
  );
  await new Promise((resolve) => probe.close(resolve));
  return { dataDir: path.join(root, "pg"), port, remove: () => rmSync(root, { recursive: true, force: true }) };
}

describe("starting the embedded PostgreSQL", () => {
  it("refuses, with a clear message, a data directory another server holds", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "af-pg-lock-"));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as "postgres" and must reach it
    const { port, remove } = await scratch();
    remove();
    const holder = await startEmbeddedPostgres("bench", { dataDir: path.join(dataDir, "pg"), port, fresh: true });
    try {
      const attempt = startEmbeddedPostgres("bench", {
        dataDir: path.join(dataDir, "pg"),
        port: holder.port + 100,
        reclaimLeftover: false,
      });
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedPostgresError);
      await expect(attempt).rejects.toThrow(/database directory .*af-pg-lock-.* is in use by another PostgreSQL server \(pid \d+\)/);
    } finally {
      await holder.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("stops a leftover throwaway server instead of failing", async () => {
    const { dataDir, port, remove } = await scratch();
    try {
      const leftover = await startEmbeddedPostgres("bench", { dataDir, port, fresh: true });
      const again = await startEmbeddedPostgres("bench", { dataDir, port });
      await leftover.exited; // the first one was shut down to make room
      await again.stop();
    } finally {
      remove();
    }
  });

  it("refuses, with a clear message, a port that is already taken", async () => {
    const squatter = net.createServer();
    const port = await new Promise<number>((resolve) =>
      squatter.listen(0, "127.0.0.1", () => resolve((squatter.address() as net.AddressInfo).port)),
    );
    try {
      await expect(startEmbeddedPostgres("bench", { port })).rejects.toThrow(`Port ${port} is already in use`);
    } finally {
      squatter.close();
    }
  });

  it("starts on its own data directory and port, serves queries, and stops", async () => {
    const { dataDir, port, remove } = await scratch();
    const server = await startEmbeddedPostgres("bench", { dataDir, port, fresh: true });
    try {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
      await client.end();
      expect(rows[0].server_version).toMatch(/^18\./);
      expect(server.dataDir).toBe(dataDir);
      expect(server.port).toBe(port);
    } finally {
      await server.stop();
      remove();
    }
    const probe = net.connect(server.port, "127.0.0.1");
    await expect(new Promise((resolve, reject) => probe.once("connect", resolve).once("error", reject))).rejects.toThrow(/ECONNREFUSED/);
  });
});
