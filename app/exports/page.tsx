import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AutoRefresh } from "@/components/exports/auto-refresh";
import { ExportForm } from "@/components/exports/export-form";
import { ExportJobs } from "@/components/exports/export-jobs";
import { exportJobs } from "@/lib/access/exports";
import { page } from "@/lib/server/page";
import { filtersQueryString, fromTableQuery } from "@/lib/exports/request";

const fromQuery = z.object({ from: z.string().max(4_000).catch("").default("") });

export const metadata: Metadata = { title: "Exports" };

/** Exports of a filter of the transcripts table (`?from=` its query string), run in the background. */
export default page({ role: "lead", searchParams: fromQuery }, async ({ searchParams }) => {
  const from = filtersQueryString(fromTableQuery(new URLSearchParams(searchParams.from)));
  const jobs = await exportJobs();
  const running = jobs.some((job) => job.status === "queued" || job.status === "running");
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Exports</h1>
        <p className="mt-1 text-sm text-slate-600">
          Labelled sets for training and evaluating classifiers: JSONL, CSV or Parquet, split into train / validation / test without
          leakage, with a manifest and a dataset card. Also from the command line (<code className="font-mono text-xs">npm run export</code>
          ) and the API (<code className="font-mono text-xs">POST /api/v1/exports</code>).
        </p>
      </div>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">New export</h2>
        <p className="text-sm text-slate-600">
          Of{" "}
          {from ? (
            <>
              the table&apos;s filter <code className="font-mono text-xs">{from}</code> (
              <Link className="text-indigo-700 underline" href={`/transcripts?${from}`}>
                see it
              </Link>
              )
            </>
          ) : (
            <>
              every transcript. To export a filter, use “Export” above the{" "}
              <Link className="text-indigo-700 underline" href="/transcripts">
                transcripts table
              </Link>
              .
            </>
          )}
        </p>
        <ExportForm from={from} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Recent exports</h2>
        <AutoRefresh active={running} />
        <ExportJobs jobs={jobs} />
      </section>
    </div>
  );
});
