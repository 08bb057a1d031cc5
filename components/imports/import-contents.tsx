import Link from "next/link";
import type { ImportContentRow } from "@/lib/imports/web/queries";
import { formatCount } from "./format";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

/** Per setting, variation and model: what this import stored, how much of it is paired, and the labels that came along. */
export function ImportContents({
  slots,
  labels,
}: {
  slots: ImportContentRow[];
  labels: { source: string; name: string; value: string; count: number }[];
}) {
  if (slots.length === 0) return null;
  return (
    <section aria-label="What was stored" className={`grid gap-4 ${labels.length ? "lg:grid-cols-3" : ""}`}>
      <div className={`overflow-x-auto rounded-lg border border-slate-200 bg-white ${labels.length ? "lg:col-span-2" : ""}`}>
        <Table caption="What was stored">
          <THead>
            <Tr>
              <Th>Setting · variation</Th>
              <Th>Model</Th>
              <Th numeric>Training</Th>
              <Th numeric>Deployment</Th>
              <Th numeric title="Transcripts whose partner in the other condition is stored">
                Paired
              </Th>
              <Th />
            </Tr>
          </THead>
          <Tbody>
            {slots.map((slot) => (
              <Tr key={`${slot.variationId}/${slot.model}`}>
                <Td>
                  <span className="text-slate-500">{slot.setting} · </span>
                  <Link href={`/variations/${slot.variationId}`} className="font-medium text-indigo-700 hover:underline">
                    {slot.variation}
                  </Link>
                </Td>
                <Td className="whitespace-nowrap font-mono text-xs">{slot.model}</Td>
                <Td numeric>{formatCount(slot.training)}</Td>
                <Td numeric>{formatCount(slot.deployment)}</Td>
                <Td numeric>{formatCount(slot.paired)}</Td>
                <Td numeric>
                  <Link
                    href={`/transcripts/${slot.firstTranscriptId}`}
                    className="whitespace-nowrap text-xs text-indigo-600 hover:underline"
                  >
                    first transcript →
                  </Link>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </div>
      {labels.length > 0 && (
        <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
          <h2 className="font-semibold text-slate-900">Source labels</h2>
          <ul className="mt-2 space-y-1">
            {labels.map((label) => (
              <li key={`${label.source}/${label.name}/${label.value}`} className="flex justify-between gap-2">
                <span className="min-w-0">
                  <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-900">
                    {label.name}={label.value}
                  </span>
                  <span className="ml-1 break-words text-xs text-slate-500">{label.source}</span>
                </span>
                <span className="tabular-nums text-slate-700">{formatCount(label.count)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
