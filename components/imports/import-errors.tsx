/** The records an import refused, and those it took with a warning: line, field, reason; the full list is downloadable. */
export function ImportErrors({
  importId,
  errors,
  total,
  stored,
}: {
  importId: number;
  errors: { line: number | null; field: string | null; message: string; severity: string }[];
  total: number;
  stored: number;
}) {
  if (total === 0) return null;
  return (
    <section aria-label="Errors" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900">
          Errors and warnings{" "}
          <span className="text-sm font-normal text-slate-500">
            ({total.toLocaleString("en")}
            {stored < total ? `, first ${stored.toLocaleString("en")} kept` : ""})
          </span>
        </h2>
        <div className="flex gap-2 text-sm">
          <a
            href={`/api/imports/${importId}/errors?format=csv`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
          >
            Download CSV
          </a>
          <a
            href={`/api/imports/${importId}/errors?format=jsonl`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100"
          >
            Download JSONL
          </a>
        </div>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-20 px-3 py-2 font-medium">Line</th>
              <th className="w-64 px-3 py-2 font-medium">Field</th>
              <th className="px-3 py-2 font-medium">Reason</th>
              <th className="w-20 px-3 py-2 font-medium">Kind</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {errors.map((error, index) => (
              <tr key={index} className="align-top">
                <td className="px-3 py-1.5 tabular-nums text-slate-600">{error.line ?? "file"}</td>
                <td className="break-all px-3 py-1.5 font-mono text-xs text-slate-600">{error.field ?? ""}</td>
                <td className="break-words px-3 py-1.5 text-slate-800">{error.message}</td>
                <td className={`px-3 py-1.5 text-xs ${error.severity === "warning" ? "text-amber-700" : "text-red-700"}`}>
                  {error.severity === "warning" ? "warning" : "error"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length < stored && (
        <p className="text-xs text-slate-500">Showing the first {errors.length}; download the file for all of them.</p>
      )}
    </section>
  );
}
