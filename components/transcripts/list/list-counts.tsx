import Link from "next/link";
import { COUNT_CAP } from "@/lib/transcripts/list-state";
import type { ListCounts as Counts } from "@/lib/transcripts/list";

const number = new Intl.NumberFormat("en");

/** Total matching and the split by condition; a capped search count says it is one. */
export function ListCounts({ counts, search, exactHref }: { counts: Counts; search: boolean; exactHref: string | null }) {
  const noun = search ? "matching transcripts" : "transcripts";
  if (counts.capped) {
    return (
      <p className="text-sm text-slate-700" data-testid="list-counts">
        <strong className="tabular-nums">More than {number.format(COUNT_CAP)}</strong> {noun}.{" "}
        <span className="text-slate-500">Searches and label filters stop counting at {number.format(COUNT_CAP)}: narrow them, or </span>
        {exactHref && (
          <Link href={exactHref} className="text-indigo-700 hover:underline">
            count them all (slower)
          </Link>
        )}
        .
      </p>
    );
  }
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-700" data-testid="list-counts">
      <span>
        <strong className="tabular-nums">{number.format(counts.total)}</strong> {noun}
      </span>
      <span className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block size-2.5 rounded-sm bg-orange-400" />
        <span className="tabular-nums">{number.format(counts.training)}</span> training
      </span>
      <span className="flex items-center gap-1.5">
        <span aria-hidden className="inline-block size-2.5 rounded-sm bg-sky-400" />
        <span className="tabular-nums">{number.format(counts.deployment)}</span> deployment
      </span>
    </p>
  );
}
