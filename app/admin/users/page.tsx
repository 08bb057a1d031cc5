import type { Metadata } from "next";
import { UserAdmin } from "@/components/auth/user-admin";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { requireRole } from "@/lib/auth/server";
import { listUsers } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { loadFromDatabase } from "@/lib/db/unavailable";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requireRole("admin");
  const users = await loadFromDatabase(() => listUsers(db()));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Annotators label; leads also edit the label schema and read the audit log; admins also manage users. Deleting a user ends their
          access and keeps their labels.
        </p>
      </div>
      {users.ok ? <UserAdmin users={users.data} selfId={admin.id} /> : <DatabaseUnavailable />}
    </div>
  );
}
