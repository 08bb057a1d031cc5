import type { Metadata } from "next";
import Link from "next/link";
import { ReferenceUploadForm, RemoveReferenceButton } from "@/components/analytics/reference-upload-form";
import { listReferenceSeries } from "@/lib/analytics/reference-store";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Reference results" };

export default page({ role: "lead" }, async () => {
  const loaded = await listReferenceSeries();
  return (
    <div className="max-w-3xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Reference results</h1>
        <p className="mt-1 text-sm text-slate-600">
          Published per-variation results (rates in percent, with standard errors), chosen as “Reference” on the{" "}
          <Link href="/analytics" className="text-indigo-600 hover:underline">
            variation chart
          </Link>
          : the published refusals are drawn on each bar as a marker (with its 95% interval when the file gives a standard error) under the
          series&apos; name, and the rates table gives each published value beside the measured one, with the difference. Variations are
          lined up by their published number (<code>variation_no</code>) when they carry one, else by name.
        </p>
      </div>
      <ReferenceUploadForm />
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {loaded.length === 0 && <li className="p-4 text-sm text-slate-500">No reference loaded yet.</li>}
        {loaded.map((series) => (
          <li key={series.id} className="flex items-center justify-between gap-4 p-4 text-sm">
            <div>
              <p className="font-medium">{series.name}</p>
              <p className="text-xs text-slate-500">
                {series._count.values} rows · models: {series.models.join(", ")} {series.source && `· ${series.source}`}
              </p>
            </div>
            <RemoveReferenceButton id={series.id} />
          </li>
        ))}
      </ul>
    </div>
  );
});
