"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { saveSchemaVersion } from "@/lib/annotations/schema-actions";
import { LABEL_LETTERS } from "@/lib/keys/map";
import { savableLabelSetSchema, type LabelSchema } from "@/lib/annotations/schema-definition";
import { issuesOf } from "@/lib/server/errors";
import { Button } from "@/components/ui/button";
import { FieldError, TextField } from "@/components/ui/field";
import { LabelEditor, type EditableLabel } from "./label-editor";
import { labelIssuesOf, relativeToLabels, type PathIssue } from "./label-issues";

const PALETTE = ["#0891b2", "#65a30d", "#e11d48", "#7c3aed", "#ea580c", "#0d9488"];

/**
 * Leads edit the current schema; saving writes the next version. Validation
 * runs as they type (the same zod schema the server applies again); every
 * error, the browser's or the server's, shows beside its field. The server's
 * are kept until the next edit.
 */
export function SchemaEditor({ schema }: { schema: LabelSchema }) {
  const router = useRouter();
  const [labels, setLabels] = useState<EditableLabel[]>(schema.labels);
  const [note, setNote] = useState("");
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [serverIssues, setServerIssues] = useState<PathIssue[]>([]);
  const [pending, startTransition] = useTransition();

  const strip = (list: EditableLabel[]) => list.map(({ isNew: _isNew, ...label }) => label);
  const validation = useMemo(() => savableLabelSetSchema.safeParse(strip(labels)), [labels]);
  const issues = useMemo(
    () => labelIssuesOf([...(validation.success ? [] : issuesOf(validation.error)), ...serverIssues.map(relativeToLabels)]),
    [validation, serverIssues],
  );
  const changed = JSON.stringify(strip(labels)) !== JSON.stringify(schema.labels);

  const edit = (next: EditableLabel[]) => {
    setServerIssues([]);
    setLabels(next);
  };
  const update = (index: number, label: EditableLabel) => edit(labels.map((current, i) => (i === index ? label : current)));
  const move = (index: number, by: -1 | 1) => {
    const target = index + by;
    if (target < 0 || target >= labels.length) return;
    const next = [...labels];
    [next[index], next[target]] = [next[target], next[index]];
    edit(next);
  };
  const add = () => {
    const used = new Set(labels.map((label) => label.hotkey));
    const hotkey = LABEL_LETTERS.find((key) => !used.has(key)) ?? "";
    edit([
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
      setServerIssues(outcome.ok ? [] : (outcome.issues ?? []));
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
          errors={issues.byLabel.get(index)}
          onChange={(next) => update(index, next)}
          onRemove={() => edit(labels.filter((_, i) => i !== index))}
          onMove={(by) => move(index, by)}
        />
      ))}
      <div>
        <Button type="button" onClick={add} aria-describedby={issues.list.length ? "schema-labels-error" : undefined}>
          Add a label
        </Button>
        <FieldError id="schema-labels-error" name="labels" errors={issues.list.length ? issues.list : undefined} />
      </div>
      <div className="sticky bottom-0 flex flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white/95 p-4 shadow-sm backdrop-blur">
        <TextField
          label="What changed (kept with the version)"
          name="note"
          id="schema-note"
          value={note}
          maxLength={500}
          onChange={(event) => {
            setServerIssues([]);
            setNote(event.target.value);
          }}
          errors={issues.other.get("note")}
          className="min-w-64 flex-1"
        />
        <Button type="button" variant="primary" onClick={save} disabled={pending || !changed || !validation.success} className="mt-5">
          Save as version {schema.version + 1}
        </Button>
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
