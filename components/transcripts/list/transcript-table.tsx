"use client";

import { useRouter } from "next/navigation";
import { functionalUpdate, useTable, type ColumnVisibilityState, type SortingState, type Updater } from "@tanstack/react-table";
import {
  firstPage,
  isDescending,
  listHref,
  OPTIONAL_COLUMNS,
  sortKeyOf,
  type ListState,
  type OptionalColumn,
  type Sort,
} from "@/lib/transcripts/list-state";
import type { TableRow } from "@/lib/transcripts/table-rows";
import { COLUMN_CLASSES, COLUMN_REM, USER_INPUT_MIN_REM, columns, tableFeatureSet } from "./columns";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

/**
 * The transcripts table. The server already filtered, sorted and paged the
 * rows; TanStack Table renders them and turns header clicks and column
 * toggles into a new URL, which the server answers.
 */
export function TranscriptTable({ rows, state, children }: { rows: TableRow[]; state: ListState; children?: React.ReactNode }) {
  const router = useRouter();
  const sorting: SortingState = [{ id: sortKeyOf(state.sort), desc: isDescending(state.sort) }];
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(
    OPTIONAL_COLUMNS.map((column) => [column, state.columns.includes(column)]),
  );

  const table = useTable({
    features: tableFeatureSet,
    columns,
    data: rows,
    getRowId: (row) => String(row.id),
    state: { sorting, columnVisibility },
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      const sort = (next ? `${next.desc ? "-" : ""}${next.id}` : "id") as Sort;
      router.push(listHref(firstPage({ ...state, sort })));
    },
    onColumnVisibilityChange: (updater: Updater<ColumnVisibilityState>) => {
      const visibility = functionalUpdate(updater, columnVisibility);
      const visible = OPTIONAL_COLUMNS.filter((column): column is OptionalColumn => visibility[column] !== false);
      router.replace(listHref({ ...state, columns: visible }), { scroll: false });
    },
  });

  const visible = table.getVisibleLeafColumns().map((column) => column.id);
  const minWidth = visible.reduce((sum, id) => sum + (COLUMN_REM[id] ?? USER_INPUT_MIN_REM), 0);
  const widthOf = (id: string) => (COLUMN_REM[id] ? { width: `${COLUMN_REM[id]}rem` } : undefined);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {children}
        <details className="relative ml-auto text-sm">
          <summary className="cursor-pointer select-none rounded border border-slate-300 bg-white px-2 py-1 text-slate-700 hover:bg-slate-50">
            Columns
          </summary>
          <fieldset className="absolute right-0 z-10 mt-1 w-48 space-y-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
            <legend className="sr-only">Visible columns</legend>
            {table
              .getAllLeafColumns()
              .filter((column) => column.getCanHide())
              .map((column) => (
                <label key={column.id} className="flex items-center gap-2">
                  <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
                  {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
                </label>
              ))}
          </fieldset>
        </details>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <Table aria-label="Transcripts" className="table-fixed" style={{ minWidth: `${minWidth}rem` }}>
          <THead>
            {table.getHeaderGroups().map((group) => (
              <Tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <Th
                      key={header.id}
                      style={widthOf(header.column.id)}
                      className={COLUMN_CLASSES[header.column.id] ?? ""}
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden className={sorted ? "text-slate-900" : "text-slate-300"}>
                            {sorted === "desc" ? "↓" : sorted === "asc" ? "↑" : "↕"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </Th>
                  );
                })}
              </Tr>
            ))}
          </THead>
          <Tbody>
            {table.getRowModel().rows.map((row) => (
              <Tr key={row.id} className="bg-white align-top hover:bg-indigo-50">
                {row.getVisibleCells().map((cell) => (
                  <Td key={cell.id} className={`py-1.5 ${COLUMN_CLASSES[cell.column.id] ?? ""}`}>
                    <table.FlexRender cell={cell} />
                  </Td>
                ))}
              </Tr>
            ))}
          </Tbody>
        </Table>
        {/* Outside the table, not an empty row: the table's rows stay the transcripts (e2e counts them). */}
        {rows.length === 0 && (
          <p className="p-6 text-sm text-slate-600">
            {state.page > 1 ? "No rows on this page: it is past the end of the list (see below)." : "No transcript matches these filters."}
          </p>
        )}
      </div>
    </div>
  );
}
