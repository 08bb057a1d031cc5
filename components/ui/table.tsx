import type { ReactNode, TableHTMLAttributes, HTMLAttributes, ThHTMLAttributes, TdHTMLAttributes } from "react";

/*
 * The app's table, as plain presentational elements: the classes the hand-built tables
 * copied from each other live here once. No behaviour, so server pages can use it; the
 * TanStack list keeps its own logic and only borrows these elements.
 */

/** A table must be named, by a visible caption or, when a heading above already says it, an aria-label. */
type TableName = { caption: ReactNode; "aria-label"?: never } | { caption?: never; "aria-label": string };

export function Table({
  caption,
  className = "",
  children,
  ...props
}: TableName & Omit<TableHTMLAttributes<HTMLTableElement>, "aria-label">) {
  return (
    <table className={`w-full text-sm ${className}`} {...props}>
      {caption !== undefined && <caption className="px-3 py-2 text-left font-semibold text-slate-900">{caption}</caption>}
      {children}
    </table>
  );
}

/** The header row group: small grey capitals on a light band; `sticky` keeps it in view in a scrolling panel. */
export function THead({ sticky = false, className = "", ...props }: HTMLAttributes<HTMLTableSectionElement> & { sticky?: boolean }) {
  return (
    <thead
      className={`bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500 ${sticky ? "sticky top-0 z-10" : ""} ${className}`}
      {...props}
    />
  );
}

/** A column header (`scope="col"`); `numeric` right-aligns it over a column of numbers. */
export function Th({ numeric = false, className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <th scope="col" className={`px-3 py-2 font-medium ${numeric ? "text-right" : ""} ${className}`} {...props} />;
}

export function Tbody({ className = "", ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={`divide-y divide-slate-100 ${className}`} {...props} />;
}

/** A body row; `hover` tints it under the pointer where the row leads somewhere. */
export function Tr({ hover = false, className = "", ...props }: HTMLAttributes<HTMLTableRowElement> & { hover?: boolean }) {
  const classes = [hover && "hover:bg-indigo-50/40", className].filter(Boolean).join(" ");
  return <tr className={classes || undefined} {...props} />;
}

/** A cell; `numeric` right-aligns it with figures of equal width, so columns of numbers line up. */
export function Td({ numeric = false, className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <td className={`px-3 py-2 ${numeric ? "text-right tabular-nums" : ""} ${className}`} {...props} />;
}

/** The one row of a table with nothing in it, saying why across every column. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-3 py-6 text-center text-sm text-slate-500">
        {children}
      </td>
    </tr>
  );
}
