"use client";

import { useState, useTransition } from "react";
import { deleteProviderKeyAction, saveProviderKeyAction } from "@/lib/judges/actions";
import type { ActionResult } from "@/lib/server/action";
import { ResultBanner } from "@/components/ui/action-status";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { EmptyRow, Table, Tbody, Td, Th, THead, Tr } from "@/components/ui/table";

export interface ProviderKeyRow {
  name: string;
  stored: boolean;
  fromEnvironment: boolean;
  updatedAt: string | null;
  judges: string[];
}

/** Where a key is set, in words; the environment's key wins over a stored one (lib/judges/secrets.ts resolveApiKey). */
function where(key: ProviderKeyRow): string {
  if (key.fromEnvironment && key.stored) return "set in the environment (used) and stored encrypted";
  if (key.fromEnvironment) return "set in the environment";
  if (key.stored) return "set (stored encrypted)";
  return "not set";
}

/**
 * The admin's key list and form. The value field is a password field that is
 * cleared once saved; the server's answers carry names only, so a key once
 * saved never comes back to a browser.
 */
export function ProviderKeys({ keys }: { keys: ProviderKeyRow[] }) {
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = result && !result.ok ? result.fieldErrors : undefined;

  return (
    <div className="space-y-6">
      <ResultBanner state={result} />
      <form
        aria-label="Set a provider key"
        noValidate
        autoComplete="off"
        onSubmit={(event) => {
          event.preventDefault();
          const target = event.currentTarget;
          const form = new FormData(target);
          startTransition(async () => {
            const outcome = await saveProviderKeyAction(form);
            if (outcome.ok) target.reset();
            setResult(outcome);
          });
        }}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[16rem_1fr_auto] sm:items-start"
      >
        <TextField
          label="Key name"
          name="name"
          id="key-name"
          hint="A–Z, 0–9 and _, as a judge names it; the same name again replaces the key."
          errors={errors?.name}
          list="provider-key-names"
          spellCheck={false}
          autoComplete="off"
          inputClassName="font-mono"
        />
        <datalist id="provider-key-names">
          {keys.map((key) => (
            <option key={key.name} value={key.name} />
          ))}
        </datalist>
        <TextField
          label="Key value"
          name="value"
          id="key-value"
          type="password"
          hint="Stored encrypted; never shown again."
          errors={errors?.value}
          spellCheck={false}
          autoComplete="new-password"
          inputClassName="font-mono"
        />
        <Button type="submit" variant="primary" disabled={pending} className="sm:mt-5">
          Save key
        </Button>
      </form>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <Table aria-label="Provider keys">
          <THead>
            <tr>
              <Th>Name</Th>
              <Th>Value</Th>
              <Th>Saved</Th>
              <Th>Judges using it</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <Tbody>
            {keys.length === 0 && <EmptyRow columns={5}>No judge names a key yet, and none is stored.</EmptyRow>}
            {keys.map((key) => (
              <Tr key={key.name} data-key-name={key.name}>
                <Td className="font-mono text-xs">{key.name}</Td>
                <Td className={key.stored || key.fromEnvironment ? "text-slate-800" : "text-amber-700"}>{where(key)}</Td>
                <Td className="text-xs text-slate-500">
                  {key.updatedAt ? new Date(key.updatedAt).toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—"}
                </Td>
                <Td className="text-xs">{key.judges.length ? key.judges.join(", ") : <span className="text-slate-500">none</span>}</Td>
                <Td className="text-right text-xs">
                  {key.stored && (
                    <button
                      type="button"
                      disabled={pending}
                      onClick={() =>
                        window.confirm(
                          `Delete the stored key ${key.name}? Judges naming it then need JUDGE_KEY_${key.name} in the environment.`,
                        ) && startTransition(async () => setResult(await deleteProviderKeyAction({ name: key.name })))
                      }
                      className="text-red-700 hover:underline"
                      aria-label={`Delete ${key.name}`}
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
