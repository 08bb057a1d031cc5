import type { OverviewRow } from "@/lib/transcripts/queries";

const number = new Intl.NumberFormat("en");

export function OverviewTable({ rows }: { rows: OverviewRow[] }) {
  if (rows.length === 0) {
    return <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">No transcripts yet.</p>;
  }
  const settings = [...new Set(rows.map((row) => row.setting))];
  const total = rows.reduce((sum, row) => sum + row.training + row.deployment, 0);
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Stat label="Transcripts" value={number.format(total)} />
        <Stat label="Settings" value={String(settings.length)} />
        <Stat label="Prompt variations" value={String(rows.length)} />
        <Stat label="Training / deployment" value={`${number.format(sum(rows, "training"))} / ${number.format(sum(rows, "deployment"))}`} />
      </dl>
      {settings.map((setting, settingIndex) => {
        const headingId = `setting-${settingIndex}`; // ids cannot hold the spaces in a setting name
        const settingRows = rows.filter((row) => row.setting === setting);
        return (
          <section key={setting} aria-labelledby={headingId} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
            <h2 id={headingId} className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-sm font-semibold">
              {setting}
            </h2>
            <table className="w-full text-sm">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2 font-medium">Prompt variation</th>
                  <th className="px-4 py-2 text-right font-medium">Training</th>
                  <th className="px-4 py-2 text-right font-medium">Deployment</th>
                  <th className="px-4 py-2 text-right font-medium">Total</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {settingRows.map((row) => (
                  <tr key={row.variation}>
                    <td className="px-4 py-1.5">
                      {row.variation}
                      {row.isBaseline && <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-700">baseline</span>}
                    </td>
                    <td className="px-4 py-1.5 text-right tabular-nums">{number.format(row.training)}</td>
                    <td className="px-4 py-1.5 text-right tabular-nums">{number.format(row.deployment)}</td>
                    <td className="px-4 py-1.5 text-right tabular-nums text-slate-500">{number.format(row.training + row.deployment)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}

function sum(rows: OverviewRow[], key: "training" | "deployment") {
  return rows.reduce((total, row) => total + row[key], 0);
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
