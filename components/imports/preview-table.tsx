import type { Preview } from "@/lib/imports/preview";
import { ConditionBadge } from "@/components/transcripts/condition-badge";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

/** The first records as they will be stored; all text renders as text. */
export function PreviewTable({ preview }: { preview: Preview }) {
  return (
    <div className="space-y-3">
      {preview.records.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <Table aria-label="Preview of the first records" className="table-fixed">
            <THead>
              <Tr>
                <Th className="w-24">Line</Th>
                <Th className="w-28">Condition</Th>
                <Th className="w-64">Slot</Th>
                <Th>Query</Th>
                <Th>Scratchpad · output</Th>
                <Th className="w-48">Labels · issues</Th>
              </Tr>
            </THead>
            <Tbody className="align-top">
              {preview.records.map((record, index) => (
                <Tr key={index}>
                  <Td className="tabular-nums text-slate-500">
                    {record.line}
                    {record.where && (
                      <div className="break-all font-mono text-[10px] leading-tight text-slate-400">{record.where.split(".").at(-1)}</div>
                    )}
                  </Td>
                  <Td>
                    <ConditionBadge condition={record.condition} />
                    {record.sampleIndex !== null && <div className="mt-1 text-xs text-slate-500">sample {record.sampleIndex}</div>}
                  </Td>
                  <Td className="text-xs">
                    <Slot label="setting" value={record.setting} defaulted={record.defaulted.includes("setting")} />
                    <Slot label="variation" value={record.variation} defaulted={record.defaulted.includes("variation")} />
                    <Slot label="model" value={record.model} defaulted={record.defaulted.includes("model")} />
                    {record.shape && <div className="mt-1 text-[11px] text-indigo-700">read as {record.shape}</div>}
                  </Td>
                  <Td>
                    <p className="line-clamp-4 whitespace-pre-wrap break-words">{record.query}</p>
                  </Td>
                  <Td className="text-xs">
                    {record.scratchpad ? (
                      <div className="rounded bg-amber-50/70 px-1.5 py-1">
                        <p className="line-clamp-4 whitespace-pre-wrap break-words font-mono text-amber-950">{record.scratchpad}</p>
                      </div>
                    ) : (
                      <p className="italic text-slate-400">no scratchpad</p>
                    )}
                    {record.output !== null ? (
                      <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words text-slate-700">{record.output}</p>
                    ) : (
                      <p className="mt-1 italic text-slate-400">no output</p>
                    )}
                  </Td>
                  <Td className="text-xs">
                    <div className="flex flex-wrap gap-1">
                      {record.labels.map((label) => (
                        <span
                          key={label.name}
                          title={`source: ${label.source}`}
                          className="break-all rounded bg-violet-100 px-1.5 py-0.5 text-violet-900"
                        >
                          {label.name}={label.value}
                        </span>
                      ))}
                      {record.formatIssues.map((issue) => (
                        <span key={issue} className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">
                          {issue.replaceAll("_", " ")}
                        </span>
                      ))}
                    </div>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </div>
      )}
      {preview.ignoredFields.length > 0 && (
        <p className="text-xs text-slate-500">
          Not read (kept only in the file):{" "}
          {preview.ignoredFields.map((field) => (
            <code key={field} className="mr-1 rounded bg-slate-100 px-1 font-mono">
              {field}
            </code>
          ))}
        </p>
      )}
      {preview.errors.length > 0 && (
        <ul
          aria-label="Problems in the first records"
          className="space-y-1 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900"
        >
          {groupErrors(preview.errors).map((group) => (
            <li key={group.key}>
              <span className="font-medium">{group.lines.length > 1 ? `lines ${group.lines.join(", ")}` : `line ${group.lines[0]}`}</span>
              {group.field ? <span className="font-mono text-xs"> · {group.field}</span> : null}: {group.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Slot({ label, value, defaulted }: { label: string; value: string; defaulted: boolean }) {
  return (
    <div className="break-words" title={defaulted ? `No ${label} in the record: default "${value}"` : value}>
      <span className="text-slate-400">{label} </span>
      <span className={defaulted ? "italic text-amber-700" : "font-medium text-slate-700"}>{value}</span>
    </div>
  );
}

/** The same problem on many records is one line of the list. */
function groupErrors(errors: Preview["errors"]) {
  const groups = new Map<string, { key: string; field?: string; message: string; lines: number[] }>();
  for (const error of errors) {
    const key = `${error.field ?? ""}\u0000${error.message}`;
    const group = groups.get(key) ?? { key, field: error.field, message: error.message, lines: [] };
    group.lines.push(error.line);
    groups.set(key, group);
  }
  return [...groups.values()];
}
