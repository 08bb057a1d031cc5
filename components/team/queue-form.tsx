"use client";

import { useState } from "react";
import { createQueueAction } from "@/lib/team/actions";
import type { QueueSample } from "@/lib/team/queues/schemas";
import { ActionForm } from "./action-form";
import { FilterMatches, type FilterMatchCount } from "./filter-matches";

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const labelClass = "block text-xs font-medium text-slate-600";

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
      <div>
        <label htmlFor="queue-name" className={labelClass}>
          Name
        </label>
        <input id="queue-name" name="name" required maxLength={120} defaultValue={defaults.name} className={input} />
      </div>
      <div>
        <label htmlFor="queue-description" className={labelClass}>
          Instructions for annotators (optional)
        </label>
        <textarea id="queue-description" name="description" rows={2} maxLength={2000} className={input} />
      </div>
      <div>
        <label htmlFor="queue-filter" className={labelClass}>
          Transcripts-table filter (its URL query, e.g. <code>variation=3&amp;condition=training</code>; empty: all)
        </label>
        <input
          id="queue-filter"
          name="filter"
          defaultValue={filter}
          onChange={(event) => setTyped(event.target.value.trim())}
          aria-describedby="queue-filter-matches"
          className={`${input} font-mono`}
        />
        <FilterMatches filter={typed} initial={matches} />
      </div>
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor="queue-size" className={labelClass}>
            How many
          </label>
          <input id="queue-size" name="size" type="number" min={1} max={5000} defaultValue={200} className={`${input} w-28`} />
        </div>
        <div>
          <label htmlFor="queue-sample" className={labelClass}>
            Which
          </label>
          <select id="queue-sample" name="sample" defaultValue={defaults.sample ?? "random"} className={input}>
            <option value="random">Random sample</option>
            <option value="first">First by id</option>
            <option value="stratified">Stratified random (equal per variation × condition × judge verdict)</option>
            <option value="uncertain">Most uncertain first (judge score nearest its threshold)</option>
          </select>
        </div>
        <div>
          <label htmlFor="queue-per-item" className={labelClass}>
            Annotators per item
          </label>
          <input id="queue-per-item" name="annotatorsPerItem" type="number" min={1} max={20} defaultValue={2} className={`${input} w-28`} />
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="pairs" /> Count pairs, and queue both sides (training and deployment) of each
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="hidden" name="blind" value="off" />
        <input type="checkbox" name="blind" defaultChecked /> Blind: annotators see neither the condition, the variation, source labels nor
        each other’s labels until they submit
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="hidden" name="hideSuggestions" value="off" />
        <input type="checkbox" name="hideSuggestions" defaultChecked /> Hide imported labels and judge suggestions until each annotator
        submits (a blind queue always hides them)
      </label>
      <fieldset>
        <legend className={labelClass}>Annotators</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {annotators.map((user) => (
            <label key={user.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="annotatorIds" value={user.id} defaultChecked={defaults.annotatorIds?.includes(user.id)} />{" "}
              {user.name} <span className="text-slate-500">{user.email}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </ActionForm>
  );
}
