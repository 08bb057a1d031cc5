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
 * message stays beside the submit button. React resets a form after its action
 * runs: a refused submission's values are handed to `children` (`refused`) so
 * the fields can keep what was typed rather than snap back to the stored values.
 */
export function ActionForm<T>({
  action,
  children,
  className,
  redirectTo,
  submitLabel,
}: {
  action: (input: FormData) => Promise<ActionResult<T>>;
  children: ReactNode | ((errors: FieldErrors, refused: FormData | undefined) => ReactNode);
  className?: string;
  redirectTo?: (data: T) => string;
  submitLabel: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const [answer, formAction, pending] = useActionState<{ result: ActionResult<T>; submitted: FormData } | null, FormData>(
    async (_previous, form) => {
      const result = await action(form);
      if (result.ok && result.message) toast(result.message);
      if (result.ok && redirectTo) router.push(redirectTo(result.data));
      else router.refresh();
      return { result, submitted: form };
    },
    null,
  );
  const state = answer?.result ?? null;
  const refused = answer && !answer.result.ok ? answer.submitted : undefined;
  return (
    <form action={formAction} className={className}>
      {typeof children === "function" ? children(fieldErrorsOf(state), refused) : children}
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
