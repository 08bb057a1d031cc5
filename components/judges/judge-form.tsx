"use client";

import { useActionState } from "react";
import { createJudge } from "@/lib/judges/actions";
import { AGGREGATIONS, JUDGE_LABEL_KEYS } from "@/lib/judges/labels";
import type { ActionResult } from "@/lib/server/action";
import { ActionStatus } from "@/components/ui/action-status";

const field = "flex flex-col gap-1 text-sm";
const input = "rounded-md border border-slate-300 px-2.5 py-1.5";

/** Defines an LLM judge: provider, model, the label (its default template), N samples and the rule, limits and prices. */
export function JudgeForm({ templates }: { templates: { key: string; version: number; title: string }[] }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ id: number }> | null, FormData>(
    (_previous, form) => createJudge(form),
    null,
  );
  return (
    <form action={formAction} aria-label="Define a judge" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap gap-4">
        <label className={field}>
          <span className="font-medium text-slate-700">Name</span>
          <input name="name" required className={`${input} w-56`} />
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Label it answers</span>
          <select name="labelKey" defaultValue="af_verdict" className={input}>
            {JUDGE_LABEL_KEYS.map((key) => (
              <option key={key} value={key}>
                {templates.find((t) => t.key === key)?.title ?? key}
              </option>
            ))}
          </select>
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Template version</span>
          <input name="templateVersion" type="number" min={1} defaultValue={1} className={`${input} w-20`} />
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Provider</span>
          <select name="provider" defaultValue="openai" className={input}>
            <option value="openai">OpenAI-compatible chat completions</option>
            <option value="anthropic">Anthropic Messages</option>
          </select>
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Model</span>
          <input name="model" required className={`${input} w-48 font-mono`} placeholder="gpt-4o-mini" />
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Base URL (optional)</span>
          <input name="baseUrl" className={`${input} w-72 font-mono`} placeholder="http://localhost:11434/v1" />
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Key name (optional)</span>
          <input name="apiKeyName" className={`${input} w-40 font-mono`} placeholder="OPENAI" aria-describedby="key-help" />
        </label>
      </div>
      <div className="flex flex-wrap gap-4">
        <label className={field}>
          <span className="font-medium text-slate-700">Samples per transcript (N)</span>
          <input name="samples" type="number" min={1} max={25} defaultValue={1} className={`${input} w-24`} />
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Rule</span>
          <select name="aggregation" defaultValue="majority" className={input}>
            {AGGREGATIONS.map((rule) => (
              <option key={rule} value={rule}>
                {rule}
              </option>
            ))}
          </select>
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Concurrency</span>
          <input name="concurrency" type="number" min={1} max={64} defaultValue={4} className={`${input} w-20`} />
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">Requests / minute</span>
          <input name="requestsPerMinute" type="number" min={1} className={`${input} w-28`} placeholder="no limit" />
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">USD / M input tokens</span>
          <input name="priceInPerMtok" type="number" min={0} step="any" className={`${input} w-28`} />
        </label>
        <label className={field}>
          <span className="font-medium text-slate-700">USD / M output tokens</span>
          <input name="priceOutPerMtok" type="number" min={0} step="any" className={`${input} w-28`} />
        </label>
      </div>
      <p id="key-help" className="text-xs text-slate-500">
        The key is read from the environment variable JUDGE_KEY_&lt;name&gt;, or from the keys an admin saved (encrypted). Leave it empty
        for a local server that needs none.
      </p>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {pending ? "Saving…" : "Define judge"}
        </button>
        <ActionStatus state={state} />
      </div>
    </form>
  );
}
