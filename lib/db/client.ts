import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one Prisma client of the app. Kept on globalThis so that Next's hot
 * reload in development does not open a new pool on every edit.
 */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function createPrismaClient(connectionString: string) {
  // A short connect timeout: a page should say "database unavailable" quickly,
  // not hang, and recover by itself once the server is back.
  const adapter = new PrismaPg({ connectionString, connectionTimeoutMillis: 3_000, max: 10 });
  return new PrismaClient({ adapter });
}

export function db(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one.");
  }
  globalForPrisma.prisma ??= createPrismaClient(connectionString);
  return globalForPrisma.prisma;
}
