import type { Metadata } from "next";
import Link from "next/link";
import { SuggestionsHiddenNote } from "@/components/annotations/suggestions-hidden-note";
import { FilterBar } from "@/components/transcripts/list/filter-bar";
import { StreamedCounts, StreamedPagination } from "@/components/transcripts/list/streamed-counts";
import { TranscriptTable } from "@/components/transcripts/list/transcript-table";
import { tableFilterOptions, transcriptTable } from "@/lib/access/transcripts";
import { getCurrentSchema } from "@/lib/annotations/schema";
import { hasRole } from "@/lib/auth/roles";
import { filtersQueryString, fromTableQuery } from "@/lib/exports/request";
import { page } from "@/lib/server/page";
import { hasFilters, listQueryString, parseListState } from "@/lib/transcripts/list-state";
import { namesOf } from "@/lib/transcripts/registry-names";
import { toTableRows } from "@/lib/transcripts/table-rows";

export const metadata: Metadata = { title: "Transcripts" };

export default page({}, async ({ viewer, query }) => {
  const state = parseListState(query);
  // Another annotator's labels (a chart's drill-down) are for leads: the visibility layer refuses them (403), never ignores them.
  // That refusal comes from awaiting the rows, before anything streams; the counts stream in after (StreamedCounts).
  const [table, options, schema] = await Promise.all([transcriptTable(state), tableFilterOptions(), getCurrentSchema()]);
  const rows = toTableRows(table.page.rows, namesOf(options), listQueryString(state), table.statuses);
  const lead = hasRole(viewer.role, "lead");
  return (
    <div className="space-y-3">
      <div className="flex items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Transcripts</h1>
        <div className="flex gap-4 text-sm">
          {lead && (
            // The queue's items are drawn from exactly this filter (lib/team/queues/create.ts reads the same URL state).
            <Link
              href={`/queues/new?${listQueryString({ ...state, page: 1, after: undefined, before: undefined })}`}
              className="text-indigo-700 hover:underline"
            >
              Make a labelling queue from this filter
            </Link>
          )}
          {lead && (
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
        seesOthersLabels={table.seesOthersLabels}
      />
      {table.suggestionsHidden && <SuggestionsHiddenNote />}
      <TranscriptTable rows={rows} state={state}>
        <StreamedCounts counts={table.counts} state={state} search={Boolean(state.filters.q)} />
      </TranscriptTable>
      <StreamedPagination counts={table.counts} state={state} page={table.page} />
    </div>
  );
});
