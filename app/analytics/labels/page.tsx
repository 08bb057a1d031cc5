import type { Metadata } from "next";
import Link from "next/link";
import { AnalyticsTabs } from "@/components/analytics/analytics-tabs";
import { ChartScopeFields, fieldClass, selectClass } from "@/components/analytics/chart-scope-fields";
import { LabelRateChart } from "@/components/analytics/label-rate-chart";
import { labelRateDrillDown } from "@/lib/analytics/label-rate-links";
import { labelRateParamsSchema } from "@/lib/analytics/label-rate-params";
import { labelRateChartRows, type RateCell } from "@/lib/analytics/prepare-label-rates";
import { labelRates } from "@/lib/access/analytics";
import { page } from "@/lib/server/page";
import { CONSENSUS_BY } from "@/lib/analytics/label-sources";
import type { LabelAgreement } from "@/lib/team/agreement/compute";
import { Table, Tbody, Td, Th, THead, Tr } from "@/components/ui/table";
import { SignificanceFields } from "@/components/analytics/significance-fields";
import { LabelGapCells, LabelGapsNote } from "@/components/analytics/label-gap-cells";

export const metadata: Metadata = { title: "Label rates" };

export default page({ role: "lead", searchParams: labelRateParamsSchema }, async ({ searchParams: params }) => {
  const data = await labelRates(params);
  const field = fieldClass;
  const select = selectClass;
  const rateName = data.validation ? "corrected rate" : "rate";

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Label rates across variations</h1>
        <p className="mt-1 text-sm text-slate-600">
          How often one label of the schema was given, per prompt variation and condition, with 95% Wilson intervals and the n behind each
          rate; beside it, how far annotators agree on that label in the variation. The labels can be a person&apos;s, the team&apos;s
          consensus, an imported source&apos;s yes/no label or a finished judge run&apos;s verdicts (raw, or corrected for its measured
          error).
        </p>
      </div>
      <AnalyticsTabs current="/analytics/labels" />
      {data.filter && (
        <p className="text-right">
          <a
            href={`/analytics/labels.csv?${new URLSearchParams(
              Object.entries(params)
                .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
                .map(([k, v]) => [k, String(v)]),
            )}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
          >
            Download CSV
          </a>
        </p>
      )}
      {!data.filter ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">{data.problem}</p>
      ) : (
        <>
          <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
            <ChartScopeFields
              options={data.options}
              settingSlug={data.settingSlug}
              modelId={data.filter.modelId}
              datasetId={data.filter.datasetId}
            />
            <label className={field}>
              Labels of
              <select name="by" defaultValue={data.source?.by} className={select}>
                {data.sources.map((s) => (
                  <option key={s.by} value={s.by}>
                    {s.name} ({s.count.toLocaleString("en")} {s.unit ?? "labelled"})
                  </option>
                ))}
              </select>
            </label>
            {data.machine?.kind === "judge" && (
              <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
                <input type="checkbox" name="corrected" value="1" defaultChecked={data.validation !== null} />
                Corrected (Rogan–Gladen)
              </label>
            )}
            <label className={field}>
              Label
              <select name="label" defaultValue={data.label?.value} className={select}>
                {data.conditions.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <SignificanceFields flag={data.significance.flag} alpha={data.significance.alpha} />
            <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
              Show
            </button>
          </form>
          <LabelRateChart
            rows={labelRateChartRows(
              data.series,
              new Set(data.series.filter((s) => data.gaps.get(s.variationId)?.flagged).map((s) => s.variationId)),
            )}
            hrefs={Object.fromEntries(
              (data.machine ? [] : data.series).map((s) => [
                s.variationId,
                {
                  training: labelRateDrillDown(data.filter!, s.variationId, "training"),
                  deployment: labelRateDrillDown(data.filter!, s.variationId, "deployment"),
                },
              ]),
            )}
            title={`${data.label?.name} · ${sourceTitle(data.source!.by, data.source!.name)}${data.validation ? " · corrected (Rogan–Gladen)" : ""}`}
          />
          {data.validation && (
            <p className="text-xs text-slate-500">
              Corrected with the judge&apos;s sensitivity{" "}
              <span data-testid="judge-sensitivity">{share(data.validation.truePositives, data.validation.referencePositives)}</span> and
              specificity{" "}
              <span data-testid="judge-specificity">{share(data.validation.trueNegatives, data.validation.referenceNegatives)}</span>{" "}
              against the human consensus on the validation sample (<span data-testid="validation-n">n = {data.validation.n}</span>{" "}
              transcripts both labelled), as on /analytics; k / n stay the judge&apos;s own counts. No rate where Se + Sp ≤ 1 (the
              correction is undefined).
            </p>
          )}
          <section tabIndex={0} aria-label="Rates table" className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <Table aria-label={`Rate of ${data.label?.name} per variation and condition`}>
              <THead>
                <tr>
                  <Th>Variation</Th>
                  <Th>Training: {rateName} [95% CI]</Th>
                  <Th numeric className="whitespace-nowrap">
                    k / n
                  </Th>
                  <Th>Deployment: {rateName} [95% CI]</Th>
                  <Th numeric className="whitespace-nowrap">
                    k / n
                  </Th>
                  <Th numeric>Gap (training − deployment)</Th>
                  <Th numeric>Gap test (Fisher exact)</Th>
                  {!data.machine && (
                    <Th title="Krippendorff's alpha between annotators on this label (all their labels of the variation), with the number of transcripts labelled by two or more">
                      Agreement (α, items)
                    </Th>
                  )}
                </tr>
              </THead>
              <Tbody>
                {data.series.map((s) => (
                  <Tr key={s.variationId} data-variation={s.variationId}>
                    <Td>
                      {s.name}
                      {s.isBaseline && <span className="ml-1 text-xs text-slate-500">(baseline)</span>}
                    </Td>
                    <Cells
                      cell={s.training}
                      href={data.machine ? null : labelRateDrillDown(data.filter!, s.variationId, "training")}
                      noRate={noCorrection(data.validation)}
                    />
                    <Cells
                      cell={s.deployment}
                      href={data.machine ? null : labelRateDrillDown(data.filter!, s.variationId, "deployment")}
                      noRate={noCorrection(data.validation)}
                    />
                    <LabelGapCells gap={data.gaps.get(s.variationId)} significance={data.significance} />
                    {!data.machine && (
                      <Td className="tabular-nums">
                        <AgreementCell agreement={data.agreement.get(s.variationId)} />
                      </Td>
                    )}
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </section>
          <LabelGapsNote significance={data.significance} labelName={data.label?.name ?? "the label"} />
        </>
      )}
    </div>
  );
});

function AgreementCell({ agreement }: { agreement?: LabelAgreement }) {
  if (!agreement) return <span className="text-slate-500">one annotator</span>;
  const alpha = agreement.alpha.value;
  return (
    <span title={`${agreement.alpha.metric} alpha; ${agreement.disagreements} disagreement(s)`}>
      {alpha === null ? "n/a" : alpha.toFixed(2)} <span className="text-slate-500">({agreement.alpha.items})</span>
    </span>
  );
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The chart's title names its labels: the consensus, a person, an imported source or a judge run (the menu's own name). */
const sourceTitle = (by: string, name: string) => (by === CONSENSUS_BY ? "consensus labels" : `labels of ${name}`);

const share = (x: number, of: number) => (of === 0 ? "— (0 of 0)" : `${((x / of) * 100).toFixed(1)}% (${x} of ${of})`);

/** Why a cell with labels has no corrected rate: no validation sample at all, or Se + Sp ≤ 1 on it. */
function noCorrection(validation: { n: number } | null): string | null {
  if (!validation) return null;
  return validation.n === 0 ? "no validation sample" : "undefined (Se + Sp ≤ 1)";
}

function Cells({ cell, href, noRate }: { cell: RateCell; href: string | null; noRate: string | null }) {
  return (
    <>
      <Td className="tabular-nums">
        {cell.rate ? (
          `${percent(cell.rate.estimate)} [${percent(cell.rate.lower)}, ${percent(cell.rate.upper)}]`
        ) : (
          <span className="text-slate-500">{cell.n > 0 && noRate ? noRate : "no labels"}</span>
        )}
        {cell.n > 0 && cell.n < 30 && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-800">small n</span>}
      </Td>
      <Td numeric className="whitespace-nowrap">
        {href ? (
          <Link href={href} className="text-indigo-700 hover:underline">
            {cell.k} / {cell.n}
          </Link>
        ) : (
          `${cell.k} / ${cell.n}`
        )}
      </Td>
    </>
  );
}
