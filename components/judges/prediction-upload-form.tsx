"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { JUDGE_LABEL_KEYS } from "@/lib/judges/labels";

const field = "flex flex-col gap-1 text-sm";
const input = "rounded-md border border-slate-300 px-2.5 py-1.5";
/** The form's own fields; any other problem (a line of the file) is the file's. */
const FORM_FIELDS = ["judgeName", "labelKey", "threshold"] as const;
type FormField = (typeof FORM_FIELDS)[number] | "file";

interface Answer {
  runId?: number;
  message?: string;
  issues?: { path: string; message: string }[];
}

/**
 * An external classifier's prediction file in from the browser: the same
 * route, parser and store as the API and the command line
 * (POST /api/v1/judges/imported, lib/judges/imported). The route rather than a
 * server action: a classifier's file over a whole corpus is larger than a
 * server action's body limit. A refused file lists every problem by line and
 * field, and nothing of it is stored; a stored one opens its run's validation.
 */
export function PredictionUploadForm({ templates }: { templates: { key: string; title: string }[] }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setErrors({ file: "Choose a prediction file (JSON lines or CSV)." });
      return;
    }
    const threshold = String(form.get("threshold") ?? "").trim();
    setPending(true);
    setErrors({});
    try {
      const response = await fetch("/api/v1/judges/imported", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          judgeName: form.get("judgeName"),
          labelKey: form.get("labelKey"),
          fileName: file.name,
          text: await file.text(),
          ...(threshold && { threshold: Number(threshold) }),
        }),
      });
      const answer = (await response.json().catch(() => ({}))) as Answer;
      if (response.status === 201 && answer.runId) {
        router.push(`/judges/runs/${answer.runId}`);
        return;
      }
      setErrors(fieldErrors(answer, response.status));
      setPending(false);
    } catch {
      setErrors({ file: "The server could not be reached: nothing was stored." });
      setPending(false);
    }
  }

  const describedBy = (name: FormField, help?: string) => [help, errors[name] && `${name}-error`].filter(Boolean).join(" ") || undefined;
  const error = (name: FormField) =>
    errors[name] && (
      <span id={`${name}-error`} role="alert" className="whitespace-pre-line text-xs text-red-700">
        {errors[name]}
      </span>
    );
  return (
    <form
      onSubmit={submit}
      aria-label="Import predictions"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      noValidate
    >
      <div className="flex flex-wrap gap-4">
        <div className={field}>
          <label htmlFor="import-judgeName" className="font-medium text-slate-700">
            Classifier name
          </label>
          <input
            id="import-judgeName"
            name="judgeName"
            required
            className={`${input} w-56`}
            aria-invalid={Boolean(errors.judgeName)}
            aria-describedby={describedBy("judgeName", "judgeName-help")}
          />
          <span id="judgeName-help" className="text-xs text-slate-500">
            Its judge; a second file under the same name is a second run.
          </span>
          {error("judgeName")}
        </div>
        <div className={field}>
          <label htmlFor="import-labelKey" className="font-medium text-slate-700">
            Label it predicts
          </label>
          <select
            id="import-labelKey"
            name="labelKey"
            defaultValue="af_verdict"
            className={input}
            aria-invalid={Boolean(errors.labelKey)}
            aria-describedby={describedBy("labelKey")}
          >
            {JUDGE_LABEL_KEYS.map((key) => (
              <option key={key} value={key}>
                {templates.find((t) => t.key === key)?.title ?? key}
              </option>
            ))}
          </select>
          {error("labelKey")}
        </div>
        <div className={field}>
          <label htmlFor="import-threshold" className="font-medium text-slate-700">
            Threshold (optional)
          </label>
          <input
            id="import-threshold"
            name="threshold"
            type="number"
            min={0}
            max={1}
            step="any"
            placeholder="0.5"
            className={`${input} w-24`}
            aria-invalid={Boolean(errors.threshold)}
            aria-describedby={describedBy("threshold", "threshold-help")}
          />
          <span id="threshold-help" className="text-xs text-slate-500">
            A score-only line is a yes at or above it.
          </span>
          {error("threshold")}
        </div>
      </div>
      <div className={field}>
        <label htmlFor="import-file" className="font-medium text-slate-700">
          Prediction file
        </label>
        <input
          id="import-file"
          type="file"
          name="file"
          accept=".jsonl,.ndjson,.json,.csv,application/json,text/csv"
          className="block w-full max-w-xl rounded-md border border-slate-300 bg-white text-sm text-slate-700 file:mr-3 file:rounded-l-md file:border-0 file:border-r file:border-slate-300 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-200"
          aria-invalid={Boolean(errors.file)}
          aria-describedby={describedBy("file", "file-format")}
        />
        <span id="file-format" className="text-xs text-slate-500">
          JSON lines, or CSV with a header row (a <code>.csv</code> name): <code>transcript_id</code> or <code>content_hash</code>, a{" "}
          <code>score</code> in [0, 1] and/or a <code>label</code> (true/false, 1/0, yes/no), optionally <code>reason</code>. A file with
          any wrong line is refused whole.
        </span>
        {error("file")}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
      >
        {pending ? "Importing…" : "Import predictions"}
      </button>
    </form>
  );
}

/** The route's 400 names the form's fields by their body keys; everything else (a line of the file, a taken name, a refusal) is said under the file. */
function fieldErrors(answer: Answer, status: number): Partial<Record<FormField, string>> {
  const errors: Partial<Record<FormField, string>> = {};
  const forForm = (answer.issues ?? []).filter((issue) => (FORM_FIELDS as readonly string[]).includes(issue.path));
  for (const issue of forForm) errors[issue.path as FormField] ??= issue.message;
  if (forForm.length === 0) errors.file = answer.message ?? `The import failed (HTTP ${status}): nothing was stored.`;
  return errors;
}
