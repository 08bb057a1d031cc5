import type { Metadata } from "next";
import Link from "next/link";
import { variationsOverview } from "@/lib/access/transcripts";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Variations" };

const number = new Intl.NumberFormat("en");

export default page({}, async () => {
  const settings = await variationsOverview();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Prompt variations</h1>
        <p className="mt-1 text-sm text-slate-600">
          Each setting&apos;s system prompt with one thing changed. Open one to read its prompt and what differs from the baseline.
        </p>
      </div>
      {settings.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">
          No variations yet: import transcripts first.
        </p>
      ) : (
        settings.map((setting) => (
          <section key={setting.id} aria-label={setting.name} className="space-y-2">
            <h2 className="text-lg font-semibold text-slate-900">{setting.name}</h2>
            <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-sm">
                <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                  <tr>
                    <th className="px-3 py-2 font-medium">Variation</th>
                    <th className="w-40 px-3 py-2 font-medium">System prompt</th>
                    <th className="w-28 px-3 py-2 text-right font-medium">Training</th>
                    <th className="w-28 px-3 py-2 text-right font-medium">Deployment</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {setting.variations.map((variation) => (
                    <tr key={variation.id} className="hover:bg-indigo-50/40">
                      <td className="px-3 py-2">
                        <Link href={`/variations/${variation.id}`} className="font-medium text-indigo-700 hover:underline">
                          {variation.name}
                        </Link>
                        {variation.isBaseline && (
                          <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">baseline</span>
                        )}
                      </td>
                      <td className="px-3 py-2 text-xs">
                        {variation.hasSystemPrompt ? (
                          <span className="text-emerald-700">stored</span>
                        ) : (
                          <span className="text-slate-500">none</span>
                        )}
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">{number.format(variation.training)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{number.format(variation.deployment)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
    </div>
  );
});
