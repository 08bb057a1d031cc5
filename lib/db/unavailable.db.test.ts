import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "./client";
import { loadFromDatabase } from "./unavailable";
import { testDatabaseUrl } from "@/lib/testing/database-url";

/**
 * A TCP relay between the app's client and the real test database: closing it
 * is the database going away, reopening it is the database coming back.
 */
function relayTo(target: URL) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((incoming) => {
    const outgoing = net.connect(Number(target.port), target.hostname);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  return {
    listen: (port = 0) =>
      new Promise<number>((resolve) => server.listen(port, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe("a page's data when the database goes away and comes back", () => {
  const target = new URL(testDatabaseUrl());
  let relay = relayTo(target);
  let port: number;
  let prisma: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    port = await relay.listen();
    const viaRelay = new URL(target);
    viaRelay.port = String(port);
    prisma = createPrismaClient(viaRelay.toString());
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await relay.close();
  });

  it("loads, reports 'unavailable' while the server is gone, then recovers with the same client", async () => {
    const countDatasets = () => prisma.dataset.count();
    expect(await loadFromDatabase(countDatasets)).toEqual({ ok: true, data: expect.any(Number) });

    await relay.close();
    expect(await loadFromDatabase(countDatasets)).toEqual({ ok: false });

    relay = relayTo(target);
    await relay.listen(port);
    expect(await loadFromDatabase(countDatasets)).toEqual({ ok: true, data: expect.any(Number) });
  });

  it("still throws errors that are bugs, not outages", async () => {
    await expect(loadFromDatabase(() => prisma.$queryRawUnsafe("SELECT * FROM no_such_table"))).rejects.toThrow(/no_such_table/);
  });
});
