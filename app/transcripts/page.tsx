import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { FilterBar } from "@/components/transcripts/list/filter-bar";
import { ListCounts } from "@/components/transcripts/list/list-counts";
import { ListPagination } from "@/components/transcripts/list/list-pagination";
import { TranscriptTable } from "@/components/transcripts/list/transcript-table";
import { hasRole } from "@/lib/auth/roles";
import { requireSession } from "@/lib/auth/server";
import { loadFromDatabase } from "@/lib/db/unavailable";
import { listTranscripts } from "@/lib/transcripts/list";
import { getAnnotationStatuses } from "@/lib/annotations/queries";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { hideBlindHeld } from "@/lib/team/blind-holds";
import {
  hasFilters,
  listHref,
  listQueryString,
  parseListState,
  readsOthersLabels,
  withViewer,
  type SearchParams,
} from "@/lib/transcripts/list-state";
import { getFilterOptions, namesOf } from "@/lib/transcripts/registry";
import { toTableRows } from "@/lib/transcripts/table-rows";

import { filtersQueryString, fromTableQuery } from "@/lib/exports/request";

export const metadata: Metadata = { title: "Transcripts" };

export default async function TranscriptsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireSession();
  const state = withViewer(parseListState(await searchParams), { id: user.id, seesOthersLabels: hasRole(user.role, "lead") });
  // Another annotator's labels (a chart's drill-down) are for leads: refused, not merely hidden.
  if (readsOthersLabels(state.filters) && !state.filters.viewerSeesOthers) forbidden();
  const result = await loadFromDatabase(async () =>
    Promise.all([listTranscripts(await hideBlindHeld(state, user)), getFilterOptions(), getCurrentSchema()]),
  );
  if (!result.ok) return <DatabaseUnavailable />;
  const [page, options, schema] = result.data;
  const annotations = await loadFromDatabase(() =>
    getAnnotationStatuses(
      page.rows.map((row) => row.id),
      user.id,
    ),
  );
  if (!annotations.ok) return <DatabaseUnavailable />;
  const rows = toTableRows(page.rows, namesOf(options), listQueryString(state), annotations.data);
  return (
    <div className="space-y-3">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Transcripts</h1>
        <div className="flex gap-4 text-sm">
          {hasRole(user.role, "lead") && (
            // The queue's items are drawn from exactly this filter (lib/team/queues/create.ts reads the same URL state).
            <Link
              href={`/queues/new?${listQueryString({ ...state, page: 1, after: undefined, before: undefined })}`}
              className="text-indigo-700 hover:underline"
            >
              Make a labelling queue from this filter
            </Link>
          )}
          {hasRole(user.role, "lead") && (
            // The export page takes the filters only (page, sort and columns do not change what is exported).
            <Link
              href={`/exports?from=${encodeURIComponent(filtersQueryString(fromTableQuery(new URLSearchParams(listQueryString(state)))))}`}
              className="text-indigo-700 hover:underline"
            >
              Export this filter
            </Link>
          )}
          {hasFilters(state.filters) && (
            <Link href="/transcripts" className="text-indigo-700 hover:underline">
              Clear search and filters
            </Link>
          )}
        </div>
      </div>
      <FilterBar
        key={listQueryString({ ...state, page: 1, after: undefined, before: undefined })}
        state={state}
        options={options}
        humanLabels={schema.labels}
      />
      <TranscriptTable rows={rows} state={state}>
        <ListCounts
          counts={page.counts}
          search={Boolean(state.filters.q)}
          exactHref={page.counts.capped ? listHref({ ...state, exactCount: true }) : null}
        />
      </TranscriptTable>
      <ListPagination state={state} page={page} />
    </div>
  );
}
