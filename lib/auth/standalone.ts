import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAuth, type Auth } from "./config";
import { authSecret } from "./secret";

/**
 * better-auth outside the Next.js server (CLI, demo seeding, benchmark): the
 * same configuration on its own Prisma client. Call `close()` when done.
 */
export function standaloneAuth(
  databaseUrl: string,
  secret = authSecret(),
): { auth: Auth; prisma: PrismaClient; close: () => Promise<void> } {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });
  const auth = createAuth({ prisma, secret });
  return { auth, prisma, close: () => prisma.$disconnect() };
}
