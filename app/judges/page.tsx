import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AutoRefresh } from "@/components/exports/auto-refresh";
import { JudgeForm } from "@/components/judges/judge-form";
import { PredictionUploadForm } from "@/components/judges/prediction-upload-form";
import { StartRunForm } from "@/components/judges/run-controls";
import { RunsTable } from "@/components/judges/runs-table";
import { judgesForLead, runsForLead } from "@/lib/access/judges";
import { filtersQueryString, fromTableQuery } from "@/lib/exports/request";
import { DEFAULT_TEMPLATES } from "@/lib/judges/templates";
import { page } from "@/lib/server/page";

const fromQuery = z.object({ from: z.string().max(4_000).catch("").default("") });

export const metadata: Metadata = { title: "Judges" };

/** Judges (leads): define one, run it over a filter of the transcripts table (`?from=` its query string), follow and cancel runs. */
export default page({ role: "lead", searchParams: fromQuery }, async ({ searchParams }) => {
  const from = filtersQueryString(fromTableQuery(new URLSearchParams(searchParams.from)));
  const [judges, runs] = await Promise.all([judgesForLead(), runsForLead()]);
  const active = runs.some((run) => run.status === "queued" || run.status === "running");
  return (
    <div className="max-w-6xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Judges</h1>
        <p className="mt-1 text-sm text-slate-600">
          LLM judges label transcripts (a verdict, a reason, quoted evidence) N times each and vote; imported classifiers bring their own
          predictions. Measure them against the human labels before trusting their rates. See docs/judges.md.
        </p>
      </div>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Judges</h2>
        {judges.length === 0 ? (
          <p className="text-sm text-slate-500">No judges yet: define one below.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Judges">
            {judges.map((judge) => (
              <li key={judge.id} className="space-y-2 p-3">
                <div className="text-sm">
                  <Link href={`/judges/${judge.id}`} className="font-medium text-indigo-700 underline">
                    {judge.name}
                  </Link>{" "}
                  <span className="text-slate-500">
                    {judge.kind === "imported"
                      ? "imported predictions"
                      : `${judge.provider} · ${judge.model} · ${judge.labelKey} (template v${judge.templateVersion}) · N = ${judge.samples}, ${judge.aggregation}`}
                  </span>
                </div>
                {judge.kind === "llm" && <StartRunForm judgeId={judge.id} judgeName={judge.name} from={from} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Runs</h2>
        <AutoRefresh active={active} ms={1_000} />
        <RunsTable runs={runs} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Define a judge</h2>
        <JudgeForm templates={DEFAULT_TEMPLATES.map((t) => ({ key: t.key, version: t.version, title: t.title }))} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-medium">Import a classifier&apos;s predictions</h2>
        <p className="text-sm text-slate-600">
          A classifier trained elsewhere (on an export, typically) comes back as a run of an imported judge, validated like any other.
        </p>
        <PredictionUploadForm templates={DEFAULT_TEMPLATES.map((t) => ({ key: t.key, title: t.title }))} />
      </section>
    </div>
  );
});
