"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { createToken } from "@/lib/api/token-actions";

/** Creates a token and shows it once, with a copy button; it is never shown again. */
export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState<ActionResult<{ token: string }> | null, FormData>(
    (_previous, form) => createToken(form),
    null,
  );
  const [copied, setCopied] = useState(false);
  const nameError = state && !state.ok ? state.fieldErrors?.name?.join(" ") : undefined;
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Name</span>
          <input
            name="name"
            required
            maxLength={80}
            placeholder="e.g. training pipeline"
            aria-invalid={Boolean(nameError)}
            aria-describedby={nameError ? "token-name-error" : undefined}
            className="w-72 rounded-md border border-slate-300 px-2.5 py-1.5"
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {pending ? "Creating…" : "Create token"}
        </button>
        {nameError && (
          <p id="token-name-error" className="text-sm text-red-700">
            {nameError}
          </p>
        )}
      </form>
      {state && !state.ok && !nameError && (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      )}
      {state?.ok && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">{state.message}</p>
          <div className="mt-2 flex items-center gap-2">
            <code
              data-testid="new-token"
              className="select-all break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900 ring-1 ring-amber-200"
            >
              {state.data.token}
            </code>
            <button
              type="button"
              onClick={() => navigator.clipboard.writeText(state.data.token).then(() => setCopied(true))}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs hover:bg-slate-50"
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
