"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { revokeToken } from "@/lib/api/token-actions";

export function RevokeTokenButton({ id, name }: { id: number; name: string }) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>((_previous, form) => revokeToken(form), null);
  return (
    <form
      action={formAction}
      className="inline-flex items-center gap-2"
      onSubmit={(event) => {
        if (!confirm(`Revoke “${name}”? Scripts using it stop working.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-red-300 px-2 py-1 text-xs text-red-700 hover:bg-red-50 disabled:opacity-50"
      >
        Revoke
      </button>
      {state && !state.ok && <span className="text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
