"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/server/action";
import { ROLE_DESCRIPTIONS, ROLE_ORDER } from "@/lib/auth/roles";
import { changeRole, createUser, deleteUser, resetPassword } from "@/lib/auth/user-actions";
import type { UserListItem } from "@/lib/auth/users";
import { ResultBanner } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import { Field, TextField } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

const ROLE_OPTIONS = ROLE_ORDER.map((role) => ({ value: role, label: role }));

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
      <ResultBanner state={result}>
        {shown?.password && (
          <p className="mt-1">
            Password for {shown.email}, shown once: <code className="rounded bg-white px-1.5 py-0.5 font-mono">{shown.password}</code>
          </p>
        )}
      </ResultBanner>
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
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_10rem_1fr_auto] sm:items-start"
        aria-label="New user"
      >
        <TextField label="Email" name="email" id="new-email" type="email" errors={errors?.email} />
        <TextField label="Name" name="name" id="new-name" errors={errors?.name} />
        <Field label="Role" name="role" id="new-role" errors={errors?.role}>
          {(control) => <Select {...control} defaultValue="annotator" options={ROLE_OPTIONS} />}
        </Field>
        <TextField label="Password (empty: generate)" name="password" id="new-password" type="password" errors={errors?.password} />
        <Button type="submit" variant="primary" disabled={pending} className="sm:mt-5">
          Create user
        </Button>
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
