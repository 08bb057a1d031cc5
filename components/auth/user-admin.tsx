"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/action";
import { ROLE_DESCRIPTIONS, ROLE_ORDER } from "@/lib/auth/roles";
import { changeRole, createUser, deleteUser, resetPassword } from "@/lib/auth/user-actions";
import type { UserListItem } from "@/lib/auth/users";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

type Shown = { email: string; password: string | null } | null;

/** The admin's user list: create, change role, reset password, delete (deactivate). */
export function UserAdmin({ users, selfId }: { users: UserListItem[]; selfId: string }) {
  const [result, setResult] = useState<ActionResult<Shown> | ActionResult<null> | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionResult<Shown> | ActionResult<null>>) => startTransition(async () => setResult(await action()));
  const shown = result?.ok && result.data && "password" in result.data ? result.data : null;
  const errors = result && !result.ok ? result.fieldErrors : undefined;

  return (
    <div className="space-y-6">
      {result && (
        <div
          role={result.ok ? "status" : "alert"}
          className={`rounded-md px-3 py-2 text-sm ${result.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}
        >
          {result.message}
          {shown?.password && (
            <p className="mt-1">
              Password for {shown.email}, shown once: <code className="rounded bg-white px-1.5 py-0.5 font-mono">{shown.password}</code>
            </p>
          )}
        </div>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const target = event.currentTarget;
          run(async () => {
            const outcome = await createUser(form);
            if (outcome.ok) target.reset();
            return outcome;
          });
        }}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_10rem_1fr_auto] sm:items-end"
        aria-label="New user"
      >
        <Field label="Email" name="email" type="email" errors={errors?.email} />
        <Field label="Name" name="name" errors={errors?.name} />
        <div>
          <label htmlFor="new-role" className="block text-xs font-medium text-slate-600">
            Role
          </label>
          <select
            id="new-role"
            name="role"
            defaultValue="annotator"
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          >
            {ROLE_ORDER.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </div>
        <Field label="Password (empty: generate)" name="password" type="password" errors={errors?.password} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Create user
        </button>
      </form>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <Table aria-label="Users">
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th numeric>Annotations</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <Tbody>
            {users.map((user) => (
              <Tr key={user.id} className={user.active ? "" : "text-slate-400"}>
                <Td>
                  {user.name} {!user.active && <span className="ml-1 rounded bg-slate-100 px-1.5 text-xs">deleted</span>}
                </Td>
                <Td className="font-mono text-xs">{user.email}</Td>
                <Td>
                  <select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={pending || !user.active}
                    title={ROLE_DESCRIPTIONS[user.role]}
                    onChange={(event) => run(() => changeRole({ userId: user.id, role: event.target.value as UserListItem["role"] }))}
                    className="rounded border border-slate-300 px-1.5 py-0.5 text-sm"
                  >
                    {ROLE_ORDER.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                </Td>
                <Td numeric>{user.annotations}</Td>
                <Td numeric className="space-x-3 whitespace-nowrap text-xs">
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => run(() => resetPassword({ userId: user.id }))}
                    className="text-indigo-700 hover:underline"
                  >
                    {user.active ? "New password" : "Restore"}
                  </button>
                  {user.active && user.id !== selfId && (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() =>
                        window.confirm(`Delete ${user.email}? They can no longer sign in; their labels stay.`) &&
                        run(() => deleteUser({ userId: user.id }))
                      }
                      className="text-red-700 hover:underline"
                    >
                      Delete
                    </button>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </div>
    </div>
  );
}

function Field({ label, name, type = "text", errors }: { label: string; name: string; type?: string; errors?: string[] }) {
  const id = `new-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        aria-describedby={errors ? `${id}-error` : undefined}
        className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
      />
      {errors && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
