import { judgeSourceParam, type JudgeSourceOption } from "@/lib/analytics/judge-source";
import { HUMAN_RULE, labelSourceParam } from "@/lib/analytics/label-sources";
import { CONSENSUS_RULE } from "@/lib/team/consensus-rule";
import type { ChartFilter, FilterOptions } from "@/lib/analytics/queries";
import { ChartScopeFields, fieldClass, selectClass } from "./chart-scope-fields";

/**
 * A plain GET form: the chart's state lives in the URL, so links reproduce it.
 * `judge`: the chosen judge run, when a judge run is the label source (it
 * replaces the filter's own label source and its label fields).
 */
export function ChartFilters({
  options,
  filter,
  judgeSources = [],
  judge = null,
  corrected = false,
  children,
}: {
  options: FilterOptions;
  filter: ChartFilter;
  judgeSources?: JudgeSourceOption[];
  judge?: JudgeSourceOption | null;
  corrected?: boolean;
  children?: React.ReactNode;
}) {
  const setting = options.settings.find((s) => s.id === filter.settingId);
  const labelSource = filter.labelSource;
  const names = labelSource.kind === "source" ? (options.sources.find((s) => s.source === labelSource.source)?.names ?? []) : [];
  const field = fieldClass;
  const select = selectClass;
  return (
    <form method="get" className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-end gap-3">
        <ChartScopeFields options={options} settingSlug={setting?.slug} modelId={filter.modelId} datasetId={filter.datasetId} />
        <label className={field}>
          Label source
          <select name="source" defaultValue={judge ? judgeSourceParam(judge.runId) : labelSourceParam(labelSource)} className={select}>
            {options.sources.length > 0 && (
              <optgroup label="Source labels (imported)">
                {options.sources.map((s) => (
                  <option key={s.source} value={s.source}>
                    {s.source}
                  </option>
                ))}
              </optgroup>
            )}
            {options.consensus > 0 && (
              <optgroup label="Human labels">
                <option value={labelSourceParam({ kind: "consensus" })}>
                  Consensus ({options.consensus.toLocaleString("en")} transcripts)
                </option>
              </optgroup>
            )}
            {options.annotators.length > 0 && (
              <optgroup label="One annotator">
                {options.annotators.map((a) => (
                  <option key={a.id} value={labelSourceParam({ kind: "annotator", annotatorId: a.id, name: a.name })}>
                    {a.name} ({a.count.toLocaleString("en")} labelled)
                  </option>
                ))}
              </optgroup>
            )}
            {judgeSources.length > 0 && (
              <optgroup label="Judge runs">
                {judgeSources.map((run) => (
                  <option key={run.runId} value={judgeSourceParam(run.runId)}>
                    {run.judgeName} · run {run.runId} · {run.labelKey} ({run.predictions.toLocaleString("en")} judged)
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        {judge && (
          <label className="flex items-center gap-1.5 self-center text-sm text-slate-700">
            <input type="checkbox" name="corrected" value="1" defaultChecked={corrected} />
            Corrected (Rogan–Gladen)
          </label>
        )}
        {!judge && labelSource.kind === "source" && (
          <>
            <label className={field}>
              Compliance label
              <select name="compliance" defaultValue={labelSource.compliance} className={select}>
                {names.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label className={field}>
              AF reasoning label
              <select name="af" defaultValue={labelSource.alignmentFaking ?? ""} className={select}>
                <option value="">none</option>
                {names.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {children}
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
          Show
        </button>
      </div>
      {!judge && labelSource.kind !== "source" && <p className="text-xs text-slate-500">{HUMAN_RULE.text}</p>}
      {!judge && labelSource.kind === "consensus" && <p className="text-xs text-slate-500">Consensus: {CONSENSUS_RULE.join(" ")}</p>}
    </form>
  );
}
