import Link from "next/link";
import { listHref, MAX_OFFSET_PAGE, parseCursor, type ListState } from "@/lib/transcripts/list-state";
import type { ListCounts, ListRows } from "@/lib/transcripts/list";

const number = new Intl.NumberFormat("en");

/**
 * Page links for the first pages (OFFSET is cheap there), keyset links for
 * Previous / Next / Last, which stay fast however deep the page. Without
 * counts (`null`: still being counted) it shows what the rows alone tell.
 */
export function ListPagination({ state, page, counts }: { state: ListState; page: ListRows; counts: ListCounts | null }) {
  const { rows } = page;
  const exactTotal = counts === null || counts.capped ? null : counts.total;
  const pageCount = exactTotal === null ? null : Math.max(1, Math.ceil(exactTotal / state.size));
  const base = { filters: state.filters, sort: state.sort, size: state.size, columns: state.columns };
  // On the last page reached with "Last", the page number is only known from an exact total.
  const current = state.before === "end" && pageCount !== null ? pageCount : state.page;
  const firstRow = rows.length ? (current - 1) * state.size + 1 : 0;

  const previous =
    page.hasPrevious && rows.length
      ? current - 1 <= 1
        ? listHref({ ...base, page: 1 })
        : listHref({ ...base, page: current - 1, before: parseCursor(rows[0].cursor) })
      : null;
  const next =
    page.hasNext && rows.length ? listHref({ ...base, page: current + 1, after: parseCursor(rows[rows.length - 1].cursor) }) : null;
  const last = pageCount !== null && current < pageCount ? listHref({ ...base, page: pageCount, before: "end" }) : null;

  const numbered = pageCount === null ? [] : pageWindow(current, Math.min(pageCount, MAX_OFFSET_PAGE));
  // A page number past the end (an old link, a hand-edited URL): say so, and offer the last page rather than "no match".
  if (!rows.length && current > 1) {
    const lastHref = pageCount !== null ? listHref({ ...base, page: pageCount, before: "end" }) : listHref({ ...base, page: 1 });
    return (
      <nav aria-label="Pagination" className="text-sm text-slate-700">
        <p role="status" data-testid="past-the-end">
          Page {number.format(current)} is past the end of this list
          {pageCount !== null && exactTotal !== null
            ? `: it has ${number.format(pageCount)} page${pageCount === 1 ? "" : "s"} (${number.format(exactTotal)} transcripts)`
            : ""}
          .{" "}
          <Link href={lastHref} className="font-medium text-indigo-700 underline">
            {pageCount !== null ? `Go to the last page (${number.format(pageCount)})` : "Go to the first page"}
          </Link>
        </p>
      </nav>
    );
  }
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
      <span className="tabular-nums">
        {rows.length ? `Rows ${number.format(firstRow)}–${number.format(firstRow + rows.length - 1)}` : "No rows"}
        {pageCount !== null && ` · page ${number.format(current)} of ${number.format(pageCount)}`}
        {pageCount === null && ` · page ${number.format(current)}`}
      </span>
      <span className="flex flex-wrap items-center gap-1">
        <PageLink href={previous} label="← Previous" rel="prev" />
        {numbered.map((target, index) =>
          target === null ? (
            <span key={`gap-${index}`} className="px-1 text-slate-400">
              …
            </span>
          ) : (
            <PageLink
              key={target}
              href={target === current ? null : listHref({ ...base, page: target })}
              label={number.format(target)}
              current={target === current}
            />
          ),
        )}
        <PageLink href={next} label="Next →" rel="next" />
        <PageLink href={last} label="Last »" />
      </span>
    </nav>
  );
}

/** 1, 2, …, current-1, current, current+1, …, up to `max` (pages beyond it are reached by Next/Last). */
function pageWindow(current: number, max: number): (number | null)[] {
  const pages = new Set([1, 2, current - 1, current, current + 1, max].filter((page) => page >= 1 && page <= max));
  const sorted = [...pages].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  sorted.forEach((page, index) => {
    if (index > 0 && page - sorted[index - 1] > 1) result.push(null);
    result.push(page);
  });
  return result;
}

function PageLink({ href, label, rel, current }: { href: string | null; label: string; rel?: string; current?: boolean }) {
  if (current)
    return (
      <span aria-current="page" className="rounded-md border border-indigo-500 bg-indigo-50 px-2.5 py-1 font-medium text-indigo-800">
        {label}
      </span>
    );
  if (!href)
    return (
      <span aria-disabled="true" className="rounded-md border border-slate-200 px-2.5 py-1 text-slate-500">
        {label}
      </span>
    );
  return (
    <Link href={href} rel={rel} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 hover:bg-slate-100">
      {label}
    </Link>
  );
}
