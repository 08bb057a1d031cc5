"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/server/action";

/**
 * A form posting to one server action (lib/team/actions.ts), showing its
 * message and field errors. `redirectTo` turns a successful result's data
 * into the next URL (e.g. the new queue's page).
 */
export function ActionForm<T>({
  action,
  children,
  className,
  redirectTo,
  submitLabel,
}: {
  action: (input: FormData) => Promise<ActionResult<T>>;
  children: React.ReactNode;
  className?: string;
  redirectTo?: (data: T) => string;
  submitLabel: string;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(async (_previous, form) => {
    const result = await action(form);
    if (result.ok && redirectTo) router.push(redirectTo(result.data));
    else router.refresh();
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className={className}>
      {children}
      {errors && (
        <ul className="text-sm text-red-700" aria-live="polite">
          {Object.entries(errors).map(([field, messages]) => (
            <li key={field}>
              {field}: {messages?.join(" ")}
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {pending ? "Working…" : submitLabel}
        </button>
        {state && (
          <p role="status" className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
