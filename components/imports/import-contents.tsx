import Link from "next/link";
import type { ImportContentRow } from "@/lib/imports/web/queries";
import { formatCount } from "./format";

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
        <table className="w-full text-sm">
          <caption className="px-3 pt-3 text-left font-semibold text-slate-900">What was stored</caption>
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">Setting · variation</th>
              <th className="px-3 py-2 font-medium">Model</th>
              <th className="px-3 py-2 text-right font-medium">Training</th>
              <th className="px-3 py-2 text-right font-medium">Deployment</th>
              <th className="px-3 py-2 text-right font-medium" title="Transcripts whose partner in the other condition is stored">
                Paired
              </th>
              <th className="px-3 py-2 font-medium" />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {slots.map((slot) => (
              <tr key={`${slot.variationId}/${slot.model}`}>
                <td className="px-3 py-2">
                  <span className="text-slate-500">{slot.setting} · </span>
                  <Link href={`/variations/${slot.variationId}`} className="font-medium text-indigo-700 hover:underline">
                    {slot.variation}
                  </Link>
                </td>
                <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{slot.model}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(slot.training)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(slot.deployment)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatCount(slot.paired)}</td>
                <td className="px-3 py-2 text-right">
                  <Link
                    href={`/transcripts/${slot.firstTranscriptId}`}
                    className="whitespace-nowrap text-xs text-indigo-600 hover:underline"
                  >
                    first transcript →
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
