"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { CONDITIONS } from "@/lib/schemas";
import {
  firstPage,
  formatLabelFilter,
  listHref,
  MAX_QUERY_LENGTH,
  PAGE_SIZES,
  parseLabelFilter,
  type ListFilters,
  type ListState,
} from "@/lib/transcripts/list-state";
import type { FilterOptions } from "@/lib/transcripts/registry-names";
import {
  ANNOTATION_STATUSES,
  ANNOTATION_STATUS_NAMES,
  formatLabelCondition,
  labelConditionOptions,
  parseLabelCondition,
  type AnnotationStatus,
} from "@/lib/annotations/filter-params";
import type { LabelDefinition } from "@/lib/annotations/schema-definition";
import { consensusConditionOptions, consensusConditionParam, parseConsensusCondition } from "@/lib/team/consensus-filter";

/**
 * Search and filters. A plain GET form (it works before hydration, and its
 * field names are the URL's); once hydrated, every change navigates to the
 * canonical URL of the new state, from its first page.
 */
export function FilterBar({
  state,
  options,
  humanLabels,
  seesOthersLabels,
}: {
  state: ListState;
  options: FilterOptions;
  humanLabels: LabelDefinition[];
  /** Leads filter by anyone's labels (and by consensus); annotators by their own. */
  seesOthersLabels: boolean;
}) {
  const router = useRouter();
  const { filters } = state;
  const [q, setQ] = useState(filters.q ?? "");
  const go = (next: Partial<ListFilters>, size = state.size) =>
    router.push(listHref(firstPage({ ...state, size, filters: { ...filters, ...next } })));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: q.trim() || undefined });
  };
  const numberOrUndefined = (value: string) => (value ? Number(value) : undefined);
  const variations = options.variations.filter((variation) => filters.setting === undefined || variation.settingId === filters.setting);
  const settingName = new Map(options.settings.map((setting) => [setting.id, setting.name]));
  const activeLabels = new Set(filters.labels.map(formatLabelFilter));
  const activeHuman = new Set(filters.human.map(formatLabelCondition));
  const conditionNames = new Map(humanLabels.flatMap(labelConditionOptions).map((option) => [option.value, option.name]));
  const consensus = filters.consensus ?? [];
  const activeConsensus = new Set(consensus.map(consensusConditionParam));
  const consensusNames = new Map(humanLabels.flatMap(consensusConditionOptions).map((option) => [option.value, option.name]));

  return (
    <form
      action="/transcripts"
      method="get"
      onSubmit={onSubmit}
      role="search"
      aria-label="Filter transcripts"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-3"
    >
      <div className="flex gap-2">
        <input
          type="search"
          name="q"
          value={q}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(event) => setQ(event.target.value)}
          placeholder='Search user inputs, scratchpads and outputs: words, "a phrase", -exclude, or'
          aria-label="Search text"
          className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
        />
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
          Search
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Select
          label="Setting"
          name="setting"
          value={filters.setting}
          onChange={(v) => go({ setting: numberOrUndefined(v), variation: undefined })}
        >
          {options.settings.map((setting) => (
            <option key={setting.id} value={setting.id}>
              {setting.name}
            </option>
          ))}
        </Select>
        <Select label="Variation" name="variation" value={filters.variation} onChange={(v) => go({ variation: numberOrUndefined(v) })}>
          {options.settings
            .filter((setting) => variations.some((variation) => variation.settingId === setting.id))
            .map((setting) => (
              <optgroup key={setting.id} label={settingName.get(setting.id)}>
                {variations
                  .filter((variation) => variation.settingId === setting.id)
                  .map((variation) => (
                    <option key={variation.id} value={variation.id}>
                      {variation.name}
                      {variation.isBaseline ? " (baseline)" : ""}
                    </option>
                  ))}
              </optgroup>
            ))}
        </Select>
        <Select label="Model" name="model" value={filters.model} onChange={(v) => go({ model: numberOrUndefined(v) })}>
          {options.models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name}
            </option>
          ))}
        </Select>
        <Select label="Dataset" name="dataset" value={filters.dataset} onChange={(v) => go({ dataset: numberOrUndefined(v) })}>
          {options.datasets.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {dataset.name}
            </option>
          ))}
        </Select>
        <Select
          label="Condition"
          name="condition"
          value={filters.condition}
          onChange={(v) => go({ condition: v ? (v as ListFilters["condition"]) : undefined })}
        >
          {CONDITIONS.map((condition) => (
            <option key={condition} value={condition}>
              {condition === "training" ? "Training (free tier)" : "Deployment (paid tier)"}
            </option>
          ))}
        </Select>
        {options.labels.length > 0 && (
          <Select
            label="Source label"
            name="label"
            value={undefined}
            onChange={(v) => {
              const label = parseLabelFilter(v);
              if (label && !activeLabels.has(v)) go({ labels: [...filters.labels, label] });
            }}
          >
            {options.labels.map((label) => {
              const key = formatLabelFilter(label);
              return (
                <option key={key} value={key} disabled={activeLabels.has(key)}>
                  {label.name} = {label.value} ({label.source})
                </option>
              );
            })}
          </Select>
        )}
        <Select
          label="Annotation status"
          name="status"
          value={filters.status}
          onChange={(v) => go({ status: v ? (v as AnnotationStatus) : undefined })}
        >
          {ANNOTATION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {ANNOTATION_STATUS_NAMES[status]}
            </option>
          ))}
        </Select>
        <Select
          label={seesOthersLabels ? "Human label" : "My label"}
          name="human"
          value={undefined}
          onChange={(v) => {
            const condition = parseLabelCondition(v);
            if (condition && !activeHuman.has(v)) go({ human: [...filters.human, condition] });
          }}
        >
          {humanLabels.map((label) => (
            <optgroup key={label.key} label={label.name}>
              {labelConditionOptions(label).map((option) => (
                <option key={option.value} value={option.value} disabled={activeHuman.has(option.value)}>
                  {option.name}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
        {seesOthersLabels && (
          // Consensus labels are made of everyone's labels: leads only (the page answers 403 otherwise).
          <Select
            label="Consensus label"
            name="consensus"
            value={undefined}
            onChange={(v) => {
              const condition = parseConsensusCondition(v);
              if (condition && !activeConsensus.has(v)) go({ consensus: [...consensus, condition] });
            }}
          >
            {humanLabels.map((label) => (
              <optgroup key={label.key} label={label.name}>
                {consensusConditionOptions(label).map((option) => (
                  <option key={option.value} value={option.value} disabled={activeConsensus.has(option.value)}>
                    {option.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        )}
        <label className="ml-auto flex items-center gap-1 text-slate-500">
          Rows
          <select
            value={state.size}
            onChange={(event) => go({}, Number(event.target.value))}
            className="rounded border border-slate-300 bg-white px-1 py-1 text-slate-800"
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </div>
      {filters.labels.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-xs" aria-label="Source label filters">
          {filters.labels.map((label) => (
            <li
              key={formatLabelFilter(label)}
              className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2 pr-1 text-slate-700"
            >
              <input type="hidden" name="label" value={formatLabelFilter(label)} />
              {label.name} = {label.value} <span className="text-slate-400">({label.source})</span>
              <button
                type="button"
                aria-label={`Remove filter ${label.name} = ${label.value}`}
                onClick={() => go({ labels: filters.labels.filter((other) => formatLabelFilter(other) !== formatLabelFilter(label)) })}
                className="rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {filters.by && (
        <p
          className="flex w-fit items-center gap-1 rounded-full bg-rose-50 py-0.5 pl-2 pr-1 text-xs text-rose-900"
          aria-label="Annotator filter"
        >
          <input type="hidden" name="by" value={filters.by} />
          {filters.outcome && <input type="hidden" name="outcome" value={filters.outcome} />}
          {filters.outcome ? `Chart segment: ${SEGMENT_NAMES[filters.outcome]}, ` : "Human labels "}by one annotator
          <button
            type="button"
            aria-label="Remove the annotator filter"
            onClick={() => go({ by: undefined, outcome: undefined })}
            className="rounded-full px-1 text-rose-700 hover:bg-rose-100"
          >
            ×
          </button>
        </p>
      )}
      {filters.human.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-xs" aria-label="Human label filters">
          {filters.human.map((condition) => {
            const value = formatLabelCondition(condition);
            const name = conditionNames.get(value) ?? value;
            return (
              <li key={value} className="flex items-center gap-1 rounded-full bg-emerald-50 py-0.5 pl-2 pr-1 text-emerald-900">
                <input type="hidden" name="human" value={value} />
                {name} <span className="text-emerald-700/70">({seesOthersLabels ? "human" : "mine"})</span>
                <button
                  type="button"
                  aria-label={`Remove filter ${name}`}
                  onClick={() => go({ human: filters.human.filter((other) => formatLabelCondition(other) !== value) })}
                  className="rounded-full px-1 text-emerald-700 hover:bg-emerald-100 hover:text-emerald-950"
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {consensus.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-xs" aria-label="Consensus label filters">
          {consensus.map((condition) => {
            const value = consensusConditionParam(condition);
            const name = consensusNames.get(value) ?? value;
            return (
              <li key={value} className="flex items-center gap-1 rounded-full bg-violet-50 py-0.5 pl-2 pr-1 text-violet-900">
                <input type="hidden" name="consensus" value={value} />
                {name}{" "}
                <span className="text-violet-700/70" title="adjudicated, else unanimous or majority (or one annotator), else undecided">
                  (consensus)
                </span>
                <button
                  type="button"
                  aria-label={`Remove filter ${name}`}
                  onClick={() => go({ consensus: consensus.filter((other) => consensusConditionParam(other) !== value) })}
                  className="rounded-full px-1 text-violet-700 hover:bg-violet-100 hover:text-violet-950"
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </form>
  );
}

const SEGMENT_NAMES = {
  refuses: "refuses",
  compliesWithAf: "complies, with AF reasoning",
  compliesWithoutAf: "complies, no AF reasoning",
} as const;

function Select({
  label,
  name,
  value,
  onChange,
  children,
}: {
  label: string;
  name: string;
  value: string | number | undefined;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  const active = value !== undefined;
  return (
    <label className="flex items-center gap-1">
      <span className="sr-only">{label}</span>
      <select
        name={name}
        value={value === undefined ? "" : String(value)}
        onChange={(event) => onChange(event.target.value)}
        className={`max-w-56 rounded-md border px-2 py-1 ${active ? "border-indigo-400 bg-indigo-50 text-indigo-900" : "border-slate-300 bg-white text-slate-700"}`}
      >
        <option value="">{active ? `Any ${label.toLowerCase()}` : `${label}: any`}</option>
        {children}
      </select>
    </label>
  );
}
