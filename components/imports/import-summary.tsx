import { formatCount, formatDuration, formatRate } from "./format";

/** The outcome of a finished import, in numbers. */
export function ImportSummary(props: {
  imported: number;
  duplicates: number;
  failed: number;
  warnings?: number;
  records: number;
  durationMs: number | null;
}) {
  const stats = [
    { label: "Imported", value: formatCount(props.imported), tone: "text-emerald-700" },
    { label: "Duplicates (already stored)", value: formatCount(props.duplicates), tone: "text-slate-700" },
    { label: "Failed records", value: formatCount(props.failed), tone: props.failed ? "text-red-700" : "text-slate-700" },
    ...(props.warnings ? [{ label: "Warnings", value: formatCount(props.warnings), tone: "text-amber-700" }] : []),
    { label: "Records read", value: formatCount(props.records), tone: "text-slate-700" },
    { label: "Took", value: formatDuration(props.durationMs), tone: "text-slate-700" },
    {
      label: "Rate",
      value: props.durationMs ? formatRate(props.imported + props.duplicates, props.durationMs) : "—",
      tone: "text-slate-700",
    },
  ];
  return (
    <dl
      aria-label="Summary"
      className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-slate-200 bg-slate-200 sm:grid-cols-3 lg:grid-cols-6"
    >
      {stats.map((stat) => (
        <div key={stat.label} className="bg-white px-4 py-3">
          <dt className="text-xs text-slate-500">{stat.label}</dt>
          <dd className={`mt-0.5 text-xl font-semibold tabular-nums ${stat.tone}`}>{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
