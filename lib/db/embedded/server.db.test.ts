import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { passwordFileOf, startEmbeddedPostgres } from "./server";
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

describe("the embedded PostgreSQL's password (finding 9: it was a constant in the source)", () => {
  const OLD_CONSTANT = "af-dashboard-local";
  const connects = async (url: string) => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return "connected";
    } catch (error) {
      return (error as { code?: string }).code ?? (error as Error).message;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const withPassword = (url: string, password: string) => url.replace(/\/\/postgres:[^@]*@/, `//postgres:${encodeURIComponent(password)}@`);

  it("is random per data directory, kept beside it with mode 0600, and the old constant is refused", async () => {
    const first = await scratch();
    const second = await scratch();
    const a = await startEmbeddedPostgres("bench", { dataDir: first.dataDir, port: first.port, fresh: true });
    const b = await startEmbeddedPostgres("bench", { dataDir: second.dataDir, port: second.port, fresh: true });
    try {
      const kept = readFileSync(passwordFileOf(first.dataDir), "utf8").trim();
      expect(kept).toMatch(/^[\w-]{32}$/);
      expect(kept).not.toBe(readFileSync(passwordFileOf(second.dataDir), "utf8").trim());
      expect(statSync(passwordFileOf(first.dataDir)).mode & 0o777).toBe(0o600);
      expect(path.dirname(passwordFileOf(first.dataDir))).toBe(path.dirname(first.dataDir));
      expect(await connects(a.url)).toBe("connected");
      expect(await connects(withPassword(a.url, OLD_CONSTANT))).toBe("28P01"); // invalid_password
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      first.remove();
      second.remove();
    }
  });

  it("moves a directory made with the old constant password to a random one on its first start, keeping its data", async () => {
    const { dataDir, port, remove } = await scratch();
    try {
      // A directory as the old code made it: the constant password and no password file beside it.
      const before = await startEmbeddedPostgres("bench", { dataDir, port, fresh: true });
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: before.url });
      await client.connect();
      await client.query(`CREATE TABLE kept (x int); INSERT INTO kept VALUES (42); ALTER ROLE postgres PASSWORD '${OLD_CONSTANT}'`);
      await client.end();
      await before.stop();
      rmSync(passwordFileOf(dataDir));

      const after = await startEmbeddedPostgres("bench", { dataDir, port });
      try {
        const kept = readFileSync(passwordFileOf(dataDir), "utf8").trim();
        expect(kept).not.toBe(OLD_CONSTANT);
        expect(statSync(passwordFileOf(dataDir)).mode & 0o777).toBe(0o600);
        expect(await connects(withPassword(after.url, OLD_CONSTANT))).toBe("28P01");
        const reader = new pg.Client({ connectionString: after.url });
        await reader.connect();
        expect((await reader.query("SELECT x FROM kept")).rows).toEqual([{ x: 42 }]);
        await reader.end();
      } finally {
        await after.stop();
      }
    } finally {
      remove();
    }
  });
});
