import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { ImportsTable } from "@/components/imports/imports-table";
import { loadFromDatabase } from "@/lib/db/unavailable";
import { listImports } from "@/lib/imports/web/queries";
import { requireRole } from "@/lib/auth/server";

export const metadata: Metadata = { title: "Imports" };

export default async function ImportsPage() {
  await requireRole("lead");
  await connection(); // the history is live
  const imports = await loadFromDatabase(() => listImports());
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Imports</h1>
          <p className="mt-1 text-sm text-slate-600">
            Every file that was imported, from this page or from <code className="font-mono text-xs">npm run import</code>: what came in,
            what was stored, what was refused and why.
          </p>
        </div>
        <Link href="/imports/new" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
          New import
        </Link>
      </div>
      {imports.ok ? <ImportsTable imports={imports.data} /> : <DatabaseUnavailable />}
    </div>
  );
}
