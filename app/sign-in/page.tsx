import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSignInHints } from "@/lib/auth/queries";
import { safeNext } from "@/lib/auth/safe-next";
import { loadFromDatabase } from "@/lib/db/unavailable";
import { publicPage } from "@/lib/server/page";
import { wrongAddress } from "@/lib/server/wrong-address";

export const metadata: Metadata = { title: "Sign in" };

const searchSchema = z.object({ next: z.string().max(2_000).optional().catch(undefined) });

export default publicPage({ searchParams: searchSchema }, async ({ viewer, searchParams }) => {
  // Only a path of this app comes back here as `next` (lib/auth/safe-next.ts); anything else means the overview.
  const target = searchParams.next === undefined ? undefined : safeNext(searchParams.next);
  if (viewer) redirect(target ?? "/");
  const elsewhere = wrongAddress(await headers());
  const hints = await loadFromDatabase(getSignInHints);
  const info = hints.ok ? hints.data : null;

  return (
    <div className="mx-auto mt-10 max-w-sm">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">Label and compare alignment-faking reasoning in model transcripts.</p>
        {elsewhere && (
          <div
            role="alert"
            data-testid="wrong-address"
            className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            This app is served at {elsewhere.configured}; you opened {elsewhere.opened}. Open the app there to sign in:{" "}
            <a
              href={`${elsewhere.configured}/sign-in${target && target !== "/" ? `?next=${encodeURIComponent(target)}` : ""}`}
              className="font-medium text-indigo-800 underline"
            >
              {elsewhere.configured}/sign-in
            </a>
          </div>
        )}
        <div className="mt-6">
          <SignInForm next={target} />
        </div>
      </div>
      {!hints.ok && <p className="mt-4 text-sm text-amber-800">The database is unavailable; signing in will fail until it is back.</p>}
      {info?.firstRun && (
        <div className="mt-4 rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-900">
          <p className="font-medium">No accounts yet.</p>
          <p className="mt-1">Create the first admin on the server:</p>
          <pre className="mt-2 overflow-x-auto rounded bg-white px-2 py-1.5 font-mono text-xs">
            npm run user:create -- --email you@example.org --role admin
          </pre>
        </div>
      )}
      {info && info.demo.length > 0 && (
        <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
          <p className="font-medium">Demo data: demo accounts</p>
          <p className="mt-1 text-xs text-slate-500">
            They exist only with the generated demo corpus. Password for all:{" "}
            <code className="font-mono text-slate-800">{info.demoPassword}</code>
          </p>
          <ul className="mt-2 space-y-0.5 font-mono text-xs">
            {info.demo.map((account) => (
              <li key={account.email}>
                {account.email} <span className="font-sans text-slate-500">· {account.role}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
});
