import type { Metadata } from "next";
import { UserAdmin } from "@/components/auth/user-admin";
import { SignInLocks } from "@/components/auth/sign-in-locks";
import { activeLocks } from "@/lib/auth/throttle";
import { listUsers } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { pgPool } from "@/lib/db/pg-pool";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Users" };

export default page({ role: "admin" }, async ({ viewer }) => {
  const [users, locks] = await Promise.all([listUsers(db()), activeLocks(pgPool())]);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Annotators label; leads also edit the label schema and read the audit log; admins also manage users. Deleting a user ends their
          access and keeps their labels.
        </p>
      </div>
      <UserAdmin users={users} selfId={viewer.id} />
      <SignInLocks locks={locks} />
    </div>
  );
});
