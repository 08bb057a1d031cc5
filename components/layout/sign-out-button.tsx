"use client";

import { signOut } from "@/lib/auth/sign-in";

/** Signing out is a server action (it ends the session on the server, then redirects to the sign-in page). */
export function SignOutButton() {
  return (
    <form
      action={async () => {
        await signOut({});
      }}
    >
      <button type="submit" className="rounded-md border border-slate-300 px-2.5 py-1 text-slate-700 hover:bg-slate-50">
        Sign out
      </button>
    </form>
  );
}
