"use client";

import { IMPORT_FORMATS, type ImportFormat } from "@/lib/imports/format-names";

export interface ImportOptionsValue {
  format: ImportFormat | "";
  dataset: string;
  strict: boolean;
  systemPrompt: { fileName: string; text: string } | null;
}

/** Format override, dataset name, strict mode and an optional system prompt file. */
export function ImportOptions({
  value,
  onChange,
  detected,
}: {
  value: ImportOptionsValue;
  onChange: (value: ImportOptionsValue) => void;
  detected: string;
}) {
  const set = (patch: Partial<ImportOptionsValue>) => onChange({ ...value, ...patch });
  return (
    <div className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Format</span>
        <select
          value={value.format}
          onChange={(event) => set({ format: event.target.value as ImportFormat | "" })}
          className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
        >
          <option value="">Automatic</option>
          {IMPORT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {format}
            </option>
          ))}
        </select>
        <span className="mt-1 block text-xs text-slate-500">{detected}</span>
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Dataset</span>
        <input
          value={value.dataset}
          onChange={(event) => set({ dataset: event.target.value })}
          className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5"
        />
        <span className="mt-1 block text-xs text-slate-500">Created if new; transcripts remember where they came from.</span>
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">System prompt file (optional)</span>
        <input
          type="file"
          accept=".txt,.md,text/plain"
          aria-label="System prompt file"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            set({ systemPrompt: file ? { fileName: file.name, text: await file.text() } : null });
          }}
          className="mt-1 block w-full text-xs file:mr-2 file:rounded-md file:border-0 file:bg-slate-100 file:px-2 file:py-1.5"
        />
        <span className="mt-1 block text-xs text-slate-500">Stored on every variation of this file.</span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={value.strict} onChange={(event) => set({ strict: event.target.checked })} className="mt-1" />
        <span>
          <span className="font-medium text-slate-700">Strict</span>
          <span className="block text-xs text-slate-500">
            One bad record rejects the whole file. Otherwise bad records are reported and the rest go in.
          </span>
        </span>
      </label>
    </div>
  );
}
