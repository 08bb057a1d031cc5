import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Auth } from "./config";
import { invalid } from "@/lib/server/errors";
import type { UserRole } from "./roles";

/**
 * User management (admins). Functions take the auth and Prisma instances so
 * that tests run them on a standalone setup; lib/auth/user-actions.ts wraps
 * them as server actions.
 *
 * Deleting a user deactivates the account: it is banned (better-auth refuses
 * its sign-ins), its sessions end, its password is removed; the row stays, so
 * labels and audit entries keep their author. The database enforces it too:
 * annotations and audit rows reference users ON DELETE RESTRICT.
 */
export interface UserListItem {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  active: boolean;
  createdAt: Date;
  annotations: number;
}

export async function listUsers(prisma: PrismaClient): Promise<UserListItem[]> {
  const rows = await prisma.user.findMany({
    orderBy: [{ banned: "asc" }, { role: "desc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, banned: true, createdAt: true, _count: { select: { annotations: true } } },
  });
  return rows.map((row) => ({ ...row, active: !row.banned, annotations: row._count.annotations }));
}

async function activeAdmins(prisma: PrismaClient, except: string) {
  return prisma.user.count({ where: { role: "admin", id: { not: except }, OR: [{ banned: false }, { banned: null }] } });
}

export async function setUserRole(prisma: PrismaClient, actorId: string, userId: string, role: UserRole) {
  if (actorId === userId && role !== "admin" && (await activeAdmins(prisma, userId)) === 0) {
    throw invalid("You are the only admin: make someone else admin first.");
  }
  const { count } = await prisma.user.updateMany({ where: { id: userId }, data: { role } });
  if (!count) throw invalid("No such user.");
}

export async function deactivateUser(prisma: PrismaClient, actorId: string, userId: string) {
  if (actorId === userId) throw invalid("You cannot delete your own account.");
  await prisma.$transaction([
    prisma.user.update({ where: { id: userId }, data: { banned: true, banReason: "Deleted by an admin" } }),
    prisma.session.deleteMany({ where: { userId } }),
    prisma.account.updateMany({ where: { userId, providerId: "credential" }, data: { password: null } }),
  ]);
}

/** Gives a deactivated account back its access, with a new password. */
export async function reactivateUser(auth: Auth, prisma: PrismaClient, userId: string, password: string) {
  await prisma.user.update({ where: { id: userId }, data: { banned: false, banReason: null } });
  await setUserPassword(auth, userId, password);
}

export async function setUserPassword(auth: Auth, userId: string, password: string) {
  const context = await auth.$context;
  const hash = await context.password.hash(password);
  const accounts = await context.internalAdapter.findAccounts(userId);
  if (accounts.some((account) => account.providerId === "credential")) await context.internalAdapter.updatePassword(userId, hash);
  else await context.internalAdapter.linkAccount({ userId, providerId: "credential", accountId: userId, password: hash });
  await context.internalAdapter.deleteUserSessions(userId); // a reset signs the user out everywhere
}
