import { GAP_METHOD_LABEL, type Rate } from "@/lib/analytics/prepare-variation-chart";
import { formatBounds, formatInterval, formatP, formatReference, type ReferenceRates } from "@/lib/analytics/rates-table";
import type { ChartStatistics, TestResult } from "@/lib/analytics/variation-statistics";
import { Table, Tbody, Td, Th, THead, Tr } from "@/components/ui/table";
import { MethodsNote } from "./methods-note";

const SMALL_N = 30;
const FLAG_LABEL = { holm: "Holm", bh: "BH" } as const;

/** The chart's numbers, accessible and copyable: intervals beside their n, tests beside their adjustments. */
export function RatesTable({
  statistics,
  reference,
  referenceName = "reference",
}: {
  statistics: ChartStatistics;
  reference: Map<number, ReferenceRates | null>;
  /** The published series' own name, written beside each published value. */
  referenceName?: string;
}) {
  const { flag, alpha, baseline } = statistics;
  return (
    <div className="space-y-2">
      {/* Focusable so that a keyboard can scroll it sideways when it is wider than the page. */}
      <div
        tabIndex={0}
        role="region"
        aria-label="Rates table, scrollable"
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
      >
        {/* Named "Rates table" (what the e2e specs and screen readers find) and described by its caption below. */}
        <Table aria-label="Rates table">
          <caption className="px-4 py-2 text-left text-xs text-slate-500">
            95% intervals (Wilson; the gap: Newcombe&apos;s method 10), clustered by query where a query has several samples; exact tests
            with Holm and Benjamini–Hochberg adjusted p-values (
            {flag === null ? "none flagged" : `flagged: ${FLAG_LABEL[flag]} p ≤ ${alpha}`}).
          </caption>
          <THead>
            <tr>
              <Th>Variation</Th>
              <Th numeric>n train / deploy · queries</Th>
              <Th numeric>AF reasoning (training)</Th>
              <Th numeric>AF vs {baseline ? baseline.name : "baseline"}</Th>
              <Th numeric>Complies, training</Th>
              <Th numeric>Complies, deployment</Th>
              <Th numeric>Compliance gap</Th>
              <Th numeric>Gap test</Th>
            </tr>
          </THead>
          <Tbody className="whitespace-nowrap tabular-nums">
            {statistics.variations.map((v) => {
              const published = reference.get(v.variationId) ?? null;
              const [training, deployment] = v.bars;
              return (
                <Tr key={v.variationId} data-variation={v.variationId}>
                  <th scope="row" className="px-3 py-1.5 text-left font-normal">
                    {v.name}
                    {v.isBaseline && <Badge tone="indigo">baseline</Badge>}
                    {flag && v.gapTest?.significant[flag] && <Badge tone="rose">gap, {FLAG_LABEL[flag]}</Badge>}
                    {flag && v.afVsBaseline?.significant[flag] && <Badge tone="rose">AF ≠ baseline, {FLAG_LABEL[flag]}</Badge>}
                  </th>
                  <Td numeric data-stat="n">
                    {training.n} / {deployment.n}
                    {Math.min(training.n, deployment.n) < SMALL_N && (
                      <span
                        title={`fewer than ${SMALL_N} labelled transcripts: wide intervals`}
                        className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800"
                      >
                        small n
                      </span>
                    )}
                    <span className="block text-xs text-slate-500" data-stat="queries">
                      {v.queries} {v.queries === 1 ? "query" : "queries"}
                    </span>
                  </Td>
                  <RateCell stat="af_rate" value={v.afRate} published={published?.afReasoning} referenceName={referenceName} />
                  <TestCell stat="af_vs_baseline" test={v.afVsBaseline} flag={flag} alpha={alpha} />
                  <RateCell
                    stat="compliance_training"
                    value={v.complianceTraining}
                    published={published?.complianceTraining}
                    referenceName={referenceName}
                  />
                  <RateCell
                    stat="compliance_deployment"
                    value={v.complianceDeployment}
                    published={published?.complianceDeployment}
                    referenceName={referenceName}
                  />
                  <RateCell
                    stat="compliance_gap"
                    value={v.complianceGap}
                    published={published?.complianceGap}
                    referenceName={referenceName}
                    method={v.complianceGap && GAP_METHOD_LABEL[v.complianceGap.method]}
                    signed
                    strong
                  />
                  <TestCell stat="gap" test={v.gapTest} flag={flag} alpha={alpha} />
                </Tr>
              );
            })}
          </Tbody>
        </Table>
      </div>
      <div className="px-1 text-xs text-slate-500">
        <MethodsNote statistics={statistics} />
      </div>
    </div>
  );
}

function Badge({ tone, children }: { tone: "indigo" | "rose"; children: React.ReactNode }) {
  const colors = tone === "indigo" ? "bg-indigo-50 text-indigo-700" : "bg-rose-50 text-rose-700";
  return <span className={`ml-2 rounded px-1.5 py-0.5 text-xs ${colors}`}>{children}</span>;
}

function RateCell({
  stat,
  value,
  published,
  referenceName = "reference",
  method,
  signed = false,
  strong = false,
}: {
  stat: string;
  value: Rate | null;
  published?: number | null;
  referenceName?: string;
  method?: string | null;
  signed?: boolean;
  strong?: boolean;
}) {
  const reference = formatReference(referenceName, value, published);
  return (
    <Td numeric className={strong ? "font-medium" : ""}>
      <span data-stat={stat}>{formatInterval(value, signed)}</span>
      {value && method && (
        <span className="block text-xs font-normal text-slate-500">
          n = {value.n} · {method}
        </span>
      )}
      {value?.clustered && (
        <span
          className="block text-xs font-normal text-slate-600"
          title={`Clustered by query: n = ${value.clustered.queries} queries, design effect ${value.clustered.designEffect.toFixed(2)}`}
        >
          by query <span data-stat={`${stat}_clustered`}>{formatBounds(value.clustered)}</span>, n = {value.clustered.queries}
        </span>
      )}
      {reference && <span className="block text-xs font-normal text-indigo-700">{reference}</span>}
    </Td>
  );
}

function TestCell({ stat, test, flag, alpha }: { stat: string; test: TestResult | null; flag: "holm" | "bh" | null; alpha: number }) {
  if (!test)
    return (
      <Td numeric className="text-slate-500">
        –
      </Td>
    );
  const flagged = flag !== null && test.significant[flag];
  return (
    <Td numeric className={flagged ? "bg-rose-50" : ""} title={flagged ? `adjusted p ≤ ${alpha}` : undefined}>
      <span className={flagged ? "font-semibold text-rose-700" : ""}>
        p <span data-stat={`${stat}_p`}>{formatP(test.p)}</span>
      </span>
      <span className="block text-xs text-slate-500">
        Holm <span data-stat={`${stat}_p_holm`}>{formatP(test.holm)}</span> · BH <span data-stat={`${stat}_p_bh`}>{formatP(test.bh)}</span>
      </span>
      <span className="block text-xs text-slate-500">{test.test === "mcnemar-exact" ? "McNemar exact" : "Fisher exact"}</span>
    </Td>
  );
}
