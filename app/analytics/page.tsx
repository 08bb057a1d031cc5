import type { Metadata } from "next";
import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import { ChartFilters } from "@/components/analytics/chart-filters";
import { RatesTable } from "@/components/analytics/rates-table";
import { VariationChart } from "@/components/analytics/variation-chart";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { chartParamsSchema, DEFAULT_ALPHA, emptyChartAdvice } from "@/lib/analytics/chart-params";
import { chartRows, SEGMENTS, type Segment } from "@/lib/analytics/chart-rows";
import { drillDownHref } from "@/lib/analytics/drill-down";
import { labelSourceTitle } from "@/lib/analytics/label-sources";
import { ReferencePicker } from "@/components/analytics/reference-picker";
import { BaselineField, SignificanceFields } from "@/components/analytics/significance-fields";
import { Suspense } from "react";
import { PanelSkeleton } from "@/components/layout/skeletons";
import { JudgeRates } from "@/components/analytics/judge-rates";
import { parseJudgeSource } from "@/lib/analytics/judge-source";
import { variationChart, variationChartByJudge, variationChartScope } from "@/lib/access/analytics";
import { page } from "@/lib/server/page";

export const metadata: Metadata = { title: "Variations" };

export default page({ role: "lead", searchParams: chartParamsSchema }, async ({ searchParams: params }) => {
  const judgeRunId = parseJudgeSource(params.source);
  // The counts are the slow part: started now, awaited only inside the Suspense boundaries below,
  // so the heading and the filters (from the cheap scope) stream first.
  const chart = judgeRunId === null ? variationChart(params) : variationChartByJudge(params);
  const { options, filter, problem, referenceSeries, chosen, refModel, judgeSources, judgeSource } = await variationChartScope(params);
  const csvHref = `/analytics/variations.csv?${new URLSearchParams(
    Object.entries(params)
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([k, v]) => [k, String(v)]),
  )}`;
  return (
    <div className="space-y-4">
      <div className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Prompt variations</h1>
          <p className="mt-1 text-sm text-slate-600">
            Refusals, compliance with and without alignment-faking reasoning, in training and deployment, per prompt variation.
          </p>
        </div>
        {filter && (judgeRunId === null || judgeSource) && (
          <a href={csvHref} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
            Download CSV
          </a>
        )}
      </div>
      <AnalyticsTabs current="/analytics" />
      {filter ? (
        <>
          <ChartFilters
            options={options}
            filter={filter}
            judgeSources={judgeSources}
            judge={judgeSource}
            corrected={params.corrected === "1"}
          >
            {judgeRunId === null && (
              <>
                <ReferencePicker series={referenceSeries} chosen={chosen?.id} model={refModel} />
                <SignificanceFields flag={params.flag ?? null} alpha={params.alpha ?? DEFAULT_ALPHA}>
                  <Suspense fallback={null}>
                    <StreamedBaselineField chart={chart} />
                  </Suspense>
                </SignificanceFields>
              </>
            )}
          </ChartFilters>
          <Suspense key={csvHref} fallback={<PanelSkeleton label="Computing the chart" rows={8} />}>
            <ChartPanel chart={chart} judgeRunId={judgeRunId} />
          </Suspense>
        </>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">{problem}</p>
      )}
    </div>
  );
});

type LoadedChart = Awaited<ReturnType<typeof variationChart>> | Awaited<ReturnType<typeof variationChartByJudge>>;

async function StreamedBaselineField({ chart }: { chart: Promise<LoadedChart> }) {
  return <BaselineField statistics={(await chart).statistics} />;
}

/** The chart and its table, or the judge's rates, or why there is nothing to chart: what waits for the counts. */
async function ChartPanel({ chart, judgeRunId }: { chart: Promise<LoadedChart>; judgeRunId: number | null }) {
  const { options, filter, statistics, reference, referenceName, judge } = await chart;
  if (!filter) return null;
  if (judgeRunId !== null)
    return judge ? (
      <JudgeRates chart={judge} />
    ) : (
      <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">
        There is no finished judge run {judgeRunId} with verdicts: pick a judge run from the label sources.
      </p>
    );
  const flag = statistics.flag;
  const rows = chartRows(
    statistics.variations.map((v) => ({ ...v, flagged: flag !== null && Boolean(v.gapTest?.significant[flag]) })),
    reference,
  );
  if (!rows.some((row) => row.n > 0))
    return (
      <EmptyChart
        title={`Labels: ${labelSourceTitle(filter.labelSource)} · nothing to chart with these choices`}
        advice={emptyChartAdvice(filter, options)}
        settingSlug={options.settings.find((s) => s.id === filter.settingId)?.slug}
      />
    );
  const hrefs = Object.fromEntries(
    rows.map((row) => [
      row.id,
      Object.fromEntries(SEGMENTS.map((s) => [s.key, drillDownHref(filter, row, s.key, row.counts)])) as Record<Segment, string | null>,
    ]),
  );
  return (
    <>
      <VariationChart rows={rows} hrefs={hrefs} title={`Labels: ${labelSourceTitle(filter.labelSource)}`} referenceName={referenceName} />
      <RatesTable statistics={statistics} reference={reference} referenceName={referenceName} />
    </>
  );
}

/** Says why the chart has nothing to draw and links to the choices that have data. */
function EmptyChart({ title, advice, settingSlug }: { title: string; advice: ReturnType<typeof emptyChartAdvice>; settingSlug?: string }) {
  const source = (value: string) => new URLSearchParams({ ...(settingSlug ? { setting: settingSlug } : {}), source: value }).toString();
  return (
    <EmptyState title={title} label="Empty chart">
      <p>{advice.reason}</p>
      {advice.settings.length > 0 && (
        <p>
          Its labels are in:{" "}
          {advice.settings.map((setting, index) => (
            <span key={setting.slug}>
              {index > 0 && ", "}
              <Link
                className="text-indigo-700 underline"
                href={`/analytics?${new URLSearchParams({ setting: setting.slug, ...(advice.source ? { source: advice.source } : {}) })}`}
              >
                {setting.name}
              </Link>{" "}
              ({setting.n} labelled pairs)
            </span>
          ))}
          .
        </p>
      )}
      {advice.sources.length > 0 && (
        <p>
          This setting is labelled by:{" "}
          {advice.sources.map((entry, index) => (
            <span key={entry.source}>
              {index > 0 && ", "}
              <Link className="text-indigo-700 underline" href={`/analytics?${source(entry.source)}`}>
                {entry.source}
              </Link>{" "}
              ({entry.n} labelled pairs)
            </span>
          ))}
          .
        </p>
      )}
      {advice.settings.length === 0 && advice.sources.length === 0 && (
        <p>No label source labels this setting yet: import labelled transcripts, or label some with a compliance value.</p>
      )}
    </EmptyState>
  );
}
