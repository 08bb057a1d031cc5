"use client";

import { useRouter } from "next/navigation";
import { useActionState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/server/action";
import { Button } from "@/components/ui/button";
import { fieldErrorsOf, type FieldErrors } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";

/**
 * A form posting to one server action (lib/team/actions.ts). Field errors go
 * to the fields: `children` may be a function of them, handing each to its
 * Field. A success is confirmed by the app's toast (it outlives `redirectTo`'s
 * navigation, which turns the result's data into the next URL); a failure's
 * message stays beside the submit button.
 */
export function ActionForm<T>({
  action,
  children,
  className,
  redirectTo,
  submitLabel,
}: {
  action: (input: FormData) => Promise<ActionResult<T>>;
  children: ReactNode | ((errors: FieldErrors) => ReactNode);
  className?: string;
  redirectTo?: (data: T) => string;
  submitLabel: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const [state, formAction, pending] = useActionState<ActionResult<T> | null, FormData>(async (_previous, form) => {
    const result = await action(form);
    if (result.ok && result.message) toast(result.message);
    if (result.ok && redirectTo) router.push(redirectTo(result.data));
    else router.refresh();
    return result;
  }, null);
  return (
    <form action={formAction} className={className}>
      {typeof children === "function" ? children(fieldErrorsOf(state)) : children}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Working…" : submitLabel}
        </Button>
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
