import Link from "next/link";
import { columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import type { TableRow } from "@/lib/transcripts/table-rows";
import { ConditionBadge } from "../condition-badge";
import { HighlightedText } from "../highlighted-text";

/** Sorting and column visibility only: both held in the URL and applied on the server. */
export const tableFeatureSet = tableFeatures({ rowSortingFeature, columnVisibilityFeature });

const helper = createColumnHelper<typeof tableFeatureSet, TableRow>();
const number = new Intl.NumberFormat("en");
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** Column ids match OPTIONAL_COLUMNS and SORT_KEYS of lib/transcripts/list-state.ts. */
export const columns = helper.columns([
  helper.accessor("id", {
    header: "#",
    enableHiding: false,
    cell: (info) => (
      <Link
        href={info.row.original.transcriptHref}
        className="tabular-nums text-indigo-700 hover:underline"
        title="Open this transcript alone"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("condition", {
    header: "Condition",
    enableSorting: false,
    enableHiding: false,
    cell: (info) => <ConditionBadge condition={info.getValue()} />,
  }),
  helper.accessor("setting", {
    header: "Setting",
    enableSorting: false,
    cell: (info) => <span className="block truncate">{info.getValue()}</span>,
  }),
  helper.accessor("variation", {
    header: "Variation",
    enableSorting: false,
    cell: (info) => (
      <span className="block truncate" title={info.getValue()}>
        {info.getValue()}
      </span>
    ),
  }),
  helper.accessor("model", {
    header: "Model",
    enableSorting: false,
    cell: (info) => <span className="block truncate font-mono text-xs">{info.getValue()}</span>,
  }),
  helper.accessor("dataset", {
    header: "Dataset",
    enableSorting: false,
    cell: (info) => <span className="block truncate">{info.getValue()}</span>,
  }),
  helper.accessor("query", {
    header: "User input",
    enableSorting: false,
    cell: (info) => {
      const row = info.row.original;
      return (
        <div className="min-w-0 space-y-1">
          <Link
            href={row.pairHref}
            className="line-clamp-2 break-words text-slate-800 hover:text-indigo-700 hover:underline"
            title="Compare training and deployment"
          >
            {row.queryHeadline ? <HighlightedText marked={row.queryHeadline} /> : row.query}
          </Link>
          {row.snippet && (
            <p
              className="line-clamp-3 break-words border-l-2 border-yellow-300 pl-2 font-mono text-xs leading-relaxed text-slate-600"
              data-testid="match-snippet"
            >
              <HighlightedText marked={row.snippet} />
            </p>
          )}
        </div>
      );
    },
  }),
  helper.accessor("scratchpadChars", {
    id: "scratchpad",
    header: "Scratchpad",
    sortDescFirst: true,
    cell: (info) => <Size chars={info.getValue()} />,
  }),
  helper.accessor((row) => row.outputChars ?? 0, {
    id: "output",
    header: "Output",
    enableSorting: false,
    cell: (info) => <Size chars={info.row.original.outputChars} />,
  }),
  helper.accessor("labels", {
    header: "Source labels",
    enableSorting: false,
    cell: (info) => (
      <div className="flex flex-wrap gap-1">
        {info.getValue().map((label) => (
          <span
            key={`${label.source}/${label.name}`}
            title={`${label.source}: ${label.name} = ${label.value}`}
            // Long names wrap inside the column rather than run under the next one.
            className="max-w-full rounded bg-slate-100 px-1 font-mono text-[11px] text-slate-700 [overflow-wrap:anywhere]"
          >
            {label.name}={label.value}
          </span>
        ))}
      </div>
    ),
  }),
  helper.accessor("annotation", {
    id: "annotations",
    header: "Annotations",
    enableSorting: false,
    cell: (info) => <AnnotationCell status={info.getValue()} />,
  }),
  helper.accessor("formatIssues", {
    id: "issues",
    header: "Format",
    enableSorting: false,
    cell: (info) => {
      const issues = info.getValue();
      if (!issues.length) return null;
      return (
        <span title={issues.join(", ").replaceAll("_", " ")} className="rounded bg-amber-100 px-1 text-xs text-amber-800">
          {issues.length === 1 ? issues[0].replaceAll("_", " ") : `${issues.length} issues`}
        </span>
      );
    },
  }),
  helper.display({
    id: "pair",
    header: () => <span className="sr-only">Compare</span>,
    enableHiding: false,
    cell: (info) => (
      <Link
        href={info.row.original.pairHref}
        className="whitespace-nowrap rounded border border-slate-300 px-1.5 py-0.5 text-xs text-slate-700 hover:border-indigo-400 hover:text-indigo-700"
      >
        Compare
      </Link>
    ),
  }),
]);

/**
 * Widths per column id, in rem; the user-input column takes the rest but never
 * less than USER_INPUT_MIN_REM: on a narrow screen the table scrolls inside its
 * frame (the page does not), with # and Compare held in view at its edges.
 */
export const COLUMN_REM: Record<string, number> = {
  id: 4.5,
  condition: 6.5,
  setting: 7,
  variation: 12,
  model: 9,
  dataset: 7,
  scratchpad: 6,
  output: 5.5,
  labels: 10,
  annotations: 7,
  issues: 7,
  pair: 6.5,
};
export const USER_INPUT_MIN_REM = 16;
export const COLUMN_CLASSES: Record<string, string> = {
  id: "sticky left-0 z-[1] bg-inherit",
  scratchpad: "text-right",
  output: "text-right",
  pair: "sticky right-0 z-[1] bg-inherit text-right shadow-[-6px_0_6px_-6px_rgba(15,23,42,0.25)]",
};

function Size({ chars }: { chars: number | null }) {
  if (!chars) return <span className="text-slate-300">—</span>;
  return (
    <span className="tabular-nums text-slate-600" title={`${number.format(chars)} characters`}>
      {compact.format(chars)}
    </span>
  );
}

function AnnotationCell({ status }: { status: TableRow["annotation"] }) {
  const others = status.submitted - (status.mine === "submitted" ? 1 : 0);
  return (
    <span className="flex flex-wrap gap-1 text-xs">
      {status.mine === "submitted" && <span className="rounded bg-emerald-100 px-1 text-emerald-800">✓ you</span>}
      {status.mine === "draft" && (
        <span className="rounded bg-amber-100 px-1 text-amber-800" title="Autosaved, not submitted">
          your draft
        </span>
      )}
      {others > 0 && (
        <span className="rounded bg-slate-100 px-1 text-slate-700" title="Annotators other than you who submitted">
          {others} other{others === 1 ? "" : "s"}
        </span>
      )}
      {!status.mine && others === 0 && <span className="text-slate-300">—</span>}
    </span>
  );
}
