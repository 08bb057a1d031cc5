"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { saveSchemaVersion } from "@/lib/annotations/schema-actions";
import { LABEL_LETTERS } from "@/lib/keys/map";
import { savableLabelSetSchema, type LabelSchema } from "@/lib/annotations/schema-definition";
import { LabelEditor, type EditableLabel } from "./label-editor";

const PALETTE = ["#0891b2", "#65a30d", "#e11d48", "#7c3aed", "#ea580c", "#0d9488"];

/**
 * Leads edit the current schema; saving writes the next version. Validation
 * runs as they type (the same zod schema the server applies again).
 */
export function SchemaEditor({ schema }: { schema: LabelSchema }) {
  const router = useRouter();
  const [labels, setLabels] = useState<EditableLabel[]>(schema.labels);
  const [note, setNote] = useState("");
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const strip = (list: EditableLabel[]) => list.map(({ isNew: _isNew, ...label }) => label);
  const validation = useMemo(() => savableLabelSetSchema.safeParse(strip(labels)), [labels]);
  const errorsOf = (index: number) =>
    validation.success
      ? []
      : validation.error.issues
          .filter((issue) => issue.path[0] === index)
          .map((issue) => `${issue.path.slice(1).join(" ") || "label"}: ${issue.message}`);
  const changed = JSON.stringify(strip(labels)) !== JSON.stringify(schema.labels);

  const update = (index: number, label: EditableLabel) => setLabels(labels.map((current, i) => (i === index ? label : current)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= labels.length) return;
    const next = [...labels];
    [next[index], next[target]] = [next[target], next[index]];
    setLabels(next);
  };
  const add = () => {
    const used = new Set(labels.map((label) => label.hotkey));
    const hotkey = LABEL_LETTERS.find((key) => !used.has(key)) ?? "";
    setLabels([
      ...labels,
      {
        key: `label_${labels.length + 1}`,
        kind: "boolean",
        name: "",
        description: "",
        hotkey,
        color: PALETTE[labels.length % PALETTE.length],
        isNew: true,
      },
    ]);
  };
  const save = () =>
    startTransition(async () => {
      const outcome = await saveSchemaVersion({ baseVersion: schema.version, labels: strip(labels), note });
      setResult({ ok: outcome.ok, message: outcome.message ?? "" });
      if (outcome.ok) {
        setNote("");
        router.refresh();
      }
    });

  return (
    <div className="space-y-4">
      {labels.map((label, index) => (
        <LabelEditor
          key={index}
          label={label}
          index={index}
          errors={errorsOf(index)}
          onChange={(next) => update(index, next)}
          onRemove={() => setLabels(labels.filter((_, i) => i !== index))}
          onMove={(by) => move(index, by)}
        />
      ))}
      <button
        type="button"
        onClick={add}
        className="rounded-md border border-dashed border-slate-400 px-3 py-1.5 text-sm text-slate-700 hover:bg-white"
      >
        Add a label
      </button>
      <div className="sticky bottom-0 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white/95 p-4 shadow-sm backdrop-blur">
        <div className="min-w-64 flex-1">
          <label htmlFor="schema-note" className="block text-xs font-medium text-slate-600">
            What changed (kept with the version)
          </label>
          <input
            id="schema-note"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </div>
        <button
          type="button"
          onClick={save}
          disabled={pending || !changed || !validation.success}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
        >
          Save as version {schema.version + 1}
        </button>
        {!validation.success && <p className="w-full text-xs text-red-700">Fix the marked fields to save.</p>}
        {result && (
          <p role={result.ok ? "status" : "alert"} className={`w-full text-sm ${result.ok ? "text-emerald-800" : "text-red-800"}`}>
            {result.message}
          </p>
        )}
      </div>
    </div>
  );
}
