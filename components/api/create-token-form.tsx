"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/server/action";
import { createToken } from "@/lib/api/token-actions";
import { Button } from "@/components/ui/button";
import { TextField, fieldErrorsOf } from "@/components/ui/field";

/** Creates a token and shows it once, with a copy button; it is never shown again. */
export function CreateTokenForm() {
  const [state, formAction, pending] = useActionState<ActionResult<{ token: string }> | null, FormData>(
    (_previous, form) => createToken(form),
    null,
  );
  const [copied, setCopied] = useState(false);
  const errors = fieldErrorsOf(state);
  return (
    <div className="space-y-3">
      <form action={formAction} className="flex flex-wrap items-start gap-3">
        <TextField
          label="Name"
          name="name"
          id="token-name"
          required
          maxLength={80}
          placeholder="e.g. training pipeline"
          errors={errors?.name}
          className="w-72"
        />
        <Button type="submit" variant="primary" disabled={pending} className="mt-5">
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
      {state && !state.ok && !errors?.name && (
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
