import { Suspense } from "react";
import { listHref, type ListState } from "@/lib/transcripts/list-state";
import type { ListCounts as Counts, ListRows } from "@/lib/transcripts/list";
import { ListCounts } from "./list-counts";
import { ListPagination } from "./list-pagination";

/**
 * The table's counts and what depends on them ("page n of N", Last, the
 * past-the-end message), streamed in after the rows: a search's or a label
 * filter's count can take longer than its first page (issue 17). The rows
 * never wait for them; these fill in when the count statement answers.
 */
export function StreamedCounts({ counts, state, search }: { counts: Promise<Counts>; state: ListState; search: boolean }) {
  return (
    <Suspense fallback={<CountingPlaceholder />}>
      <ResolvedCounts counts={counts} state={state} search={search} />
    </Suspense>
  );
}

export function StreamedPagination({ counts, state, page }: { counts: Promise<Counts>; state: ListState; page: ListRows }) {
  return (
    // Until the count is in, the pagination knows what the rows tell: previous, next and the page number.
    <Suspense fallback={<ListPagination state={state} page={page} counts={null} />}>
      <ResolvedPagination counts={counts} state={state} page={page} />
    </Suspense>
  );
}

function CountingPlaceholder() {
  return (
    <p role="status" data-testid="list-counts-pending" className="animate-pulse text-sm text-slate-500">
      Counting…
    </p>
  );
}

async function ResolvedCounts({ counts, state, search }: { counts: Promise<Counts>; state: ListState; search: boolean }) {
  const resolved = await counts;
  return <ListCounts counts={resolved} search={search} exactHref={resolved.capped ? listHref({ ...state, exactCount: true }) : null} />;
}

async function ResolvedPagination({ counts, state, page }: { counts: Promise<Counts>; state: ListState; page: ListRows }) {
  return <ListPagination state={state} page={page} counts={await counts} />;
}
