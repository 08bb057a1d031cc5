import type { OverviewRow } from "@/lib/transcripts/queries";
import { Table, THead, Th, Tbody, Tr, Td } from "@/components/ui/table";

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
            <Table aria-label="Transcripts per prompt variation">
              <THead>
                <Tr>
                  <Th>Prompt variation</Th>
                  <Th numeric>Training</Th>
                  <Th numeric>Deployment</Th>
                  <Th numeric>Total</Th>
                </Tr>
              </THead>
              <Tbody>
                {settingRows.map((row) => (
                  <Tr key={row.variation}>
                    <Td>
                      {row.variation}
                      {row.isBaseline && <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-700">baseline</span>}
                    </Td>
                    <Td numeric>{number.format(row.training)}</Td>
                    <Td numeric>{number.format(row.deployment)}</Td>
                    <Td numeric className="text-slate-500">
                      {number.format(row.training + row.deployment)}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
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
