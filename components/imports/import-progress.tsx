"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { importProgressAnswer } from "@/lib/api/answers";
import { formatBytes, formatCount, formatRate } from "./format";
import { ProgressBar } from "./progress-bar";

/** What GET /api/imports/:id answers (the route checks its answers against the same schema). */
const progressSchema = importProgressAnswer.pick({
  status: true,
  fileSize: true,
  bytesRead: true,
  records: true,
  imported: true,
  duplicates: true,
  failed: true,
  elapsedMs: true,
});
type Progress = z.infer<typeof progressSchema>;

const POLL_MS = 500;

/** Live progress of a queued or running import, polled from its status endpoint; when it ends, the page re-renders with the summary. */
export function ImportProgress({ importId, initial }: { importId: number; initial: Progress }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/imports/${importId}`, { cache: "no-store" }).catch(() => null);
      const parsed = progressSchema.safeParse(response?.ok ? await response.json() : null);
      if (stopped || !parsed.success) return;
      setProgress(parsed.data);
      if (parsed.data.status !== "running" && parsed.data.status !== "queued") {
        stopped = true;
        clearInterval(timer);
        router.refresh();
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [importId, router]);

  const share = progress.fileSize ? progress.bytesRead / progress.fileSize : 0;
  return (
    <section aria-label="Progress" className="space-y-3 rounded-lg border border-indigo-200 bg-white p-5">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-800">
          {progress.status === "queued" ? "Waiting for a worker…" : `Importing… ${Math.floor(share * 100)}%`}
        </span>
        <span className="tabular-nums text-slate-500">
          {formatBytes(progress.bytesRead)} of {formatBytes(progress.fileSize)}
        </span>
      </div>
      <ProgressBar share={share} label="Import" />
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        <Stat label="Records read" value={formatCount(progress.records)} />
        <Stat label="Stored so far" value={formatCount(progress.imported)} />
        <Stat label="Duplicates" value={formatCount(progress.duplicates)} />
        <Stat label="Failed" value={formatCount(progress.failed)} />
        <Stat label="Rate" value={formatRate(progress.imported + progress.duplicates, progress.elapsedMs)} />
      </dl>
      <p className="text-xs text-slate-500">Nothing is visible elsewhere until the import commits, all at once.</p>
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}
