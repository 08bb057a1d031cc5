"use client";

import { useState, useTransition } from "react";
import type { ActiveLock } from "@/lib/auth/throttle";
import { clearSignInLock } from "@/lib/auth/user-actions";
import type { ActionResult } from "@/lib/server/action";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

const SCOPE_NAMES: Record<ActiveLock["scope"], string> = {
  account_client: "this account, from this browser or address",
  account_untrusted: "this account, from any browser that never signed in to it",
  address: "every account, from this address",
};
const until = new Intl.DateTimeFormat("en", { timeStyle: "short", dateStyle: "medium" });

/** Sign-in locks in force (lib/auth/throttle.ts), each with a way to lift it. */
export function SignInLocks({ locks }: { locks: ActiveLock[] }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-label="Sign-in locks" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-sm font-semibold text-slate-900">Sign-in locks</h2>
      <p className="text-xs text-slate-600">
        Repeated wrong passwords lock sign-in for a while, growing with each lock. A browser that signed in to an account before is never
        locked out by anyone else&rsquo;s attempts. Every lock is logged.
      </p>
      {result && (
        <p role={result.ok ? "status" : "alert"} className={`text-sm ${result.ok ? "text-emerald-700" : "text-red-700"}`}>
          {result.message}
        </p>
      )}
      {locks.length === 0 ? (
        <p className="text-sm text-slate-500">No sign-in is locked.</p>
      ) : (
        <Table aria-label="Sign-in locks">
          <THead>
            <Tr>
              <Th>Locked</Th>
              <Th>For</Th>
              <Th>Until</Th>
              <Th />
            </Tr>
          </THead>
          <Tbody>
            {locks.map((lock) => (
              <Tr key={`${lock.scope}:${lock.key}`} className="border-t border-slate-100">
                <Td className="font-mono text-xs">
                  {[lock.email, lock.client?.startsWith("address:") ? lock.client.slice(8) : lock.client && "a signed-in browser"]
                    .filter(Boolean)
                    .join(" · ")}
                </Td>
                <Td className="text-xs text-slate-600">{SCOPE_NAMES[lock.scope]}</Td>
                <Td className="text-xs">{until.format(new Date(lock.lockedUntil))}</Td>
                <Td numeric>
                  <button
                    type="button"
                    disabled={pending}
                    onClick={() => startTransition(async () => setResult(await clearSignInLock({ scope: lock.scope, key: lock.key })))}
                    className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 disabled:opacity-50"
                  >
                    Clear
                  </button>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </section>
  );
}
