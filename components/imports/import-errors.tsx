import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

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
        <Table aria-label="Refused records and warnings">
          <THead>
            <Tr>
              <Th className="w-20">Line</Th>
              <Th className="w-64">Field</Th>
              <Th>Reason</Th>
              <Th className="w-20">Kind</Th>
            </Tr>
          </THead>
          <Tbody>
            {errors.map((error, index) => (
              <Tr key={index} className="align-top">
                <Td className="tabular-nums text-slate-600">{error.line ?? "file"}</Td>
                <Td className="break-all font-mono text-xs text-slate-600">{error.field ?? ""}</Td>
                <Td className="break-words text-slate-800">{error.message}</Td>
                <Td className={`py-1.5 text-xs ${error.severity === "warning" ? "text-amber-700" : "text-red-700"}`}>
                  {error.severity === "warning" ? "warning" : "error"}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </div>
      {errors.length < stored && (
        <p className="text-xs text-slate-500">Showing the first {errors.length}; download the file for all of them.</p>
      )}
    </section>
  );
}
