"use client";

import { useActionState } from "react";
import { signIn } from "@/lib/auth/sign-in";

interface SignInState {
  message?: string;
  email?: string;
}

export function SignInForm({ next }: { next?: string }) {
  // A successful sign-in redirects (the action never returns): only failures come back here.
  const [state, action, pending] = useActionState<SignInState, FormData>(async (_previous, form) => {
    const result = await signIn(form);
    return { message: result.ok ? undefined : result.message, email: String(form.get("email") ?? "") };
  }, {});
  return (
    <form action={action} className="space-y-4" aria-describedby={state.message ? "sign-in-error" : undefined}>
      {next && <input type="hidden" name="next" value={next} />}
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-700">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={state.email}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
        />
      </div>
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
