import type { Metadata } from "next";
import Link from "next/link";
import { ImportsTable } from "@/components/imports/imports-table";
import { importHistory } from "@/lib/access/imports";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Imports" };

export default page({ role: "lead" }, async () => {
  const imports = await importHistory();
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
      <ImportsTable imports={imports} />
    </div>
  );
});
