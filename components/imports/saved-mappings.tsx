"use client";

import { useState, useTransition } from "react";
import type { StoredMappingInfo } from "@/lib/imports/stored-mappings";
import { loadImportMappings, saveImportMapping } from "@/lib/imports/web/actions";

/** Load a saved (or shipped) mapping into the editor, or save the editor's under a name. */
export function SavedMappings({ mappingText, onLoad }: { mappingText: string; onLoad: (text: string) => void }) {
  const [mappings, setMappings] = useState<StoredMappingInfo[] | null>(null);
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, startTransition] = useTransition();

  const refresh = () =>
    startTransition(async () => {
      const result = await loadImportMappings({});
      if (result.ok) setMappings(result.data.mappings);
      else setMessage({ ok: false, text: result.message });
    });

  const save = () =>
    startTransition(async () => {
      const result = await saveImportMapping({ name, mappingText });
      setMessage(result.ok ? { ok: true, text: `Saved as "${result.data.name}".` } : { ok: false, text: result.message });
      if (result.ok) setMappings((await loadImportMappings({}).then((r) => (r.ok ? r.data.mappings : null))) ?? mappings);
    });

  return (
    <div className="flex flex-wrap items-end gap-2 text-xs" role="group" aria-label="Load or save a mapping">
      <label className="text-slate-600">
        Saved mappings
        <select
          defaultValue=""
          onFocus={() => mappings === null && refresh()}
          onChange={(event) => {
            const found = mappings?.find((m) => m.name === event.target.value);
            if (found) onLoad(found.text);
          }}
          className="mt-0.5 block min-w-48 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          <option value="">{mappings === null ? "Choose… (loads the list)" : "Choose…"}</option>
          {mappings?.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name}
              {m.shipped ? " (shipped example)" : ""}
            </option>
          ))}
        </select>
      </label>
      <label className="text-slate-600">
        Save as
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="my-run-shape"
          className="mt-0.5 block rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        />
      </label>
      <button
        type="button"
        onClick={save}
        disabled={busy || !name.trim()}
        className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-50"
      >
        Save mapping
      </button>
      {message && (
        <p role="status" className={message.ok ? "text-emerald-700" : "text-red-700"}>
          {message.text}
        </p>
      )}
    </div>
  );
}
