import Link from "next/link";
import type { TranscriptListItem } from "@/lib/transcripts/queries";
import { ConditionBadge } from "./condition-badge";

export function TranscriptList({ items }: { items: TranscriptListItem[] }) {
  if (items.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">No transcripts on this page.</p>;
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-sm">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="w-16 px-3 py-2 font-medium">#</th>
            <th className="w-28 px-3 py-2 font-medium">Condition</th>
            <th className="w-32 px-3 py-2 font-medium">Setting</th>
            <th className="w-64 px-3 py-2 font-medium">Variation</th>
            <th className="w-40 px-3 py-2 font-medium">Model</th>
            <th className="px-3 py-2 font-medium">Query</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.id} className="hover:bg-indigo-50/40">
              <td className="px-3 py-2 tabular-nums text-slate-500">
                <Link href={`/transcripts/${item.id}`} className="text-indigo-600 hover:underline">
                  {item.id}
                </Link>
              </td>
              <td className="px-3 py-2">
                <ConditionBadge condition={item.condition} />
              </td>
              <td className="truncate px-3 py-2">{item.setting}</td>
              <td className="truncate px-3 py-2">{item.variation}</td>
              <td className="truncate px-3 py-2 font-mono text-xs">{item.model}</td>
              <td className="truncate px-3 py-2">
                <Link href={`/transcripts/${item.id}`} className="hover:underline">
                  {item.query}
                </Link>
                {item.formatIssues.length > 0 && (
                  <span title={item.formatIssues.join(", ")} className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-800">
                    format
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
