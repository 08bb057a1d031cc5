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
 * navigation, which turns the result's data into the next URL). A refusal is
 * said once: a message that a field shows stays beside that field, and the
 * button's status says only that nothing was saved and to look there; a
 * refusal no rendered field shows (none named, or a field this form does not
 * have) is written beside the button. React resets a form after its action
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
  const errors = fieldErrorsOf(state);
  const shown = readsOf(errors);
  const fields = typeof children === "function" ? children(shown.errors, refused) : children;
  const marked = [...shown.read].filter((name) => errors?.[name]?.length).length;
  return (
    <form action={formAction} className={className}>
      {fields}
      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Working…" : submitLabel}
        </Button>
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-700">
            {marked === 0 ? state.message : `Not saved — see the marked field${marked > 1 ? "s" : ""}.`}
          </p>
        )}
      </div>
    </form>
  );
}

/**
 * The field errors as handed to the fields, noting which fields' errors were read while rendering:
 * a field reads its own (`errors?.name`), so these are the messages that are on the page already.
 */
function readsOf(errors: FieldErrors): { errors: FieldErrors; read: Set<string> } {
  const read = new Set<string>();
  if (!errors) return { errors, read };
  const tracked = new Proxy(errors, {
    get(target, key, receiver) {
      if (typeof key === "string") read.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
  return { errors: tracked, read };
}
