"use client";

import { useState } from "react";
import { createQueueAction } from "@/lib/team/actions";
import type { QueueSample } from "@/lib/team/queues/schemas";
import { Field, TextField, controlClasses } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { ActionForm } from "./action-form";
import { FilterMatches, type FilterMatchCount } from "./filter-matches";
import { AnnotatorChoice, HIDE_SUGGESTIONS_TEXT, OnOffCheckbox } from "./queue-fields";

const SAMPLE_OPTIONS = [
  { value: "random", label: "Random sample" },
  { value: "first", label: "First by id" },
  { value: "stratified", label: "Stratified random (equal per variation × condition × judge verdict)" },
  { value: "uncertain", label: "Most uncertain first (judge score nearest its threshold)" },
];

/** Defaults a link may set (the judge validation page's "queue these" links): name, sample, annotators ticked. */
export interface QueueFormDefaults {
  name?: string;
  sample?: QueueSample;
  annotatorIds?: string[];
}

/** New queue: a filter of the transcripts table, how many, how many annotators per item, who, blind or not. */
export function QueueForm({
  filter,
  matches,
  annotators,
  defaults = {},
}: {
  filter: string;
  matches: FilterMatchCount | null;
  annotators: { id: string; name: string; email: string }[];
  defaults?: QueueFormDefaults;
}) {
  const [typed, setTyped] = useState(filter);
  return (
    <ActionForm
      action={createQueueAction}
      redirectTo={(data) => `/queues/${data.id}`}
      submitLabel="Create queue"
      className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      {(errors) => (
        <>
          <TextField label="Name" name="name" id="queue-name" required maxLength={120} defaultValue={defaults.name} errors={errors?.name} />
          <Field label="Instructions for annotators (optional)" name="description" id="queue-description" errors={errors?.description}>
            {(control) => <textarea {...control} rows={2} maxLength={2000} className={controlClasses(control["aria-invalid"])} />}
          </Field>
          <Field
            label={
              <>
                Transcripts-table filter (its URL query, e.g. <code>variation=3&amp;condition=training</code>; empty: all)
              </>
            }
            name="filter"
            id="queue-filter"
            errors={errors?.filter}
            describedBy="queue-filter-matches"
          >
            {(control) => (
              <>
                <input
                  {...control}
                  defaultValue={filter}
                  onChange={(event) => setTyped(event.target.value.trim())}
                  className={controlClasses(control["aria-invalid"], "font-mono")}
                />
                <FilterMatches filter={typed} initial={matches} />
              </>
            )}
          </Field>
          <div className="flex flex-wrap items-start gap-4">
            <TextField
              label="How many"
              name="size"
              id="queue-size"
              type="number"
              min={1}
              max={5000}
              defaultValue={200}
              errors={errors?.size}
              className="w-28"
            />
            <Field label="Which" name="sample" id="queue-sample" errors={errors?.sample}>
              {(control) => <Select {...control} defaultValue={defaults.sample ?? "random"} options={SAMPLE_OPTIONS} />}
            </Field>
            <TextField
              label="Annotators per item"
              name="annotatorsPerItem"
              id="queue-per-item"
              type="number"
              min={1}
              max={20}
              defaultValue={2}
              errors={errors?.annotatorsPerItem}
              className="w-36"
            />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="pairs" /> Count pairs, and queue both sides (training and deployment) of each
          </label>
          <OnOffCheckbox name="blind" defaultChecked>
            Blind: annotators see neither the condition, the variation, source labels nor each other’s labels until they submit
          </OnOffCheckbox>
          <OnOffCheckbox name="hideSuggestions" defaultChecked>
            {HIDE_SUGGESTIONS_TEXT}
          </OnOffCheckbox>
          <AnnotatorChoice
            id="queue-annotators"
            users={annotators}
            isChecked={(id) => Boolean(defaults.annotatorIds?.includes(id))}
            errors={errors?.annotatorIds}
            legend={{ text: "Annotators", className: "block text-xs font-medium text-slate-600" }}
            listClassName="mt-1 grid gap-1 sm:grid-cols-2"
          />
        </>
      )}
    </ActionForm>
  );
}
