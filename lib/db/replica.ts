import "server-only";
import pg from "pg";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient, db } from "./client";

/**
 * The read replica, when DATABASE_REPLICA_URL is set: for the heavy reads
 * that may lag the primary by a moment (chart counts, agreement, the table's
 * counts, export scans). Everything else, and anything read right after a
 * write (an annotation after its save), stays on the primary: these helpers
 * are opted into per query, never a default. Without a replica they are the
 * primary's clients.
 *
 * Not Prisma's read-replica extension: it sends every model read outside a
 * transaction to the replica unless told otherwise, which would turn every
 * read-after-write path into a possible stale read.
 */
const globalForReplica = globalThis as unknown as { replicaPrisma?: PrismaClient; replicaPool?: pg.Pool };

export function readDb(): PrismaClient {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return db();
  globalForReplica.replicaPrisma ??= createPrismaClient(url);
  return globalForReplica.replicaPrisma;
}

/** A pg pool on the replica, or null without one. */
export function replicaPool(): pg.Pool | null {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return null;
  globalForReplica.replicaPool ??= new pg.Pool({ connectionString: url, max: 5, connectionTimeoutMillis: 3_000 });
  return globalForReplica.replicaPool;
}
