"use client";

import { useActionState } from "react";
import { signIn } from "@/lib/auth/sign-in";
import { Field, controlClasses, fieldErrorsOf, type FieldErrors } from "@/components/ui/field";

interface SignInState {
  message?: string;
  email?: string;
  fieldErrors?: FieldErrors;
}

export function SignInForm({ next }: { next?: string }) {
  // A successful sign-in redirects (the action never returns): only failures come back here.
  const [state, action, pending] = useActionState<SignInState, FormData>(async (_previous, form) => {
    const result = await signIn(form);
    const fieldErrors = fieldErrorsOf(result);
    // Field errors are said beside their fields; the form-level alert is for a refused sign-in (wrong password, a lock).
    return { message: result.ok || fieldErrors ? undefined : result.message, email: String(form.get("email") ?? ""), fieldErrors };
  }, {});
  return (
    <form action={action} className="space-y-4" aria-describedby={state.message ? "sign-in-error" : undefined}>
      {next && <input type="hidden" name="next" value={next} />}
      <Field label="Email" name="email" id="email" errors={state.fieldErrors?.email}>
        {(control) => (
          <input
            {...control}
            type="email"
            autoComplete="username"
            required
            autoFocus
            defaultValue={state.email}
            className={controlClasses(control["aria-invalid"], "px-3 py-2")}
          />
        )}
      </Field>
      <Field label="Password" name="password" id="password" errors={state.fieldErrors?.password}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            required
            className={controlClasses(control["aria-invalid"], "px-3 py-2")}
          />
        )}
      </Field>
      {state.message && (
        <p id="sign-in-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
