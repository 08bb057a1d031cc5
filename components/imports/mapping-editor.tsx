"use client";

import { useState } from "react";
import { MAPPED_FIELDS, MAPPED_FIELD_DESCRIPTIONS, MAPPING_KEYS, type MappedField } from "@/lib/imports/mapping-keys";
import { SavedMappings } from "./saved-mappings";

/**
 * Where the user writes a mapping for a shape the importer does not recognise.
 * It helps rather than refuses: every key a mapping may use, with a line each;
 * the first records' field paths as choices; the paths that match nothing
 * marked before the import starts. The preview follows the mapping as it is
 * typed (the page applies it once the JSON parses).
 */
export function MappingEditor(props: {
  value: string;
  onChange: (value: string) => void;
  onApply: () => void;
  example: { name: string; text: string };
  sample: string | null;
  errors: string[];
  unmatchedPaths: string[];
  fieldPaths: string[];
  busy: boolean;
}) {
  const [field, setField] = useState<MappedField>("scratchpad");
  const [path, setPath] = useState("");
  const [pickError, setPickError] = useState<string | null>(null);

  function setFieldPath() {
    let mapping: Record<string, unknown>;
    try {
      mapping = props.value.trim() ? (JSON.parse(props.value) as Record<string, unknown>) : {};
    } catch {
      return setPickError("The mapping is not valid JSON yet: fix it, then set the field.");
    }
    if (!path.trim()) return setPickError("Choose or type a path first.");
    setPickError(null);
    const fields = typeof mapping.fields === "object" && mapping.fields !== null ? (mapping.fields as Record<string, unknown>) : {};
    props.onChange(JSON.stringify({ ...mapping, fields: { ...fields, [field]: path.trim() } }, null, 2));
  }

  return (
    <section aria-label="Mapping" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 className="font-medium text-slate-900">Mapping</h3>
          <p className="text-xs text-slate-500">
            Which field holds what, which values mean which condition, constants such as the model. The preview below follows it as you
            type. Reusable: save it by name here (the API takes <code className="font-mono">?mapping=NAME</code>), or as a .json file for{" "}
            <code className="font-mono">npm run import -- --map</code>.
          </p>
        </div>
        <button
          type="button"
          onClick={() => props.onChange(props.example.text)}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-xs hover:bg-slate-100"
        >
          Load example: {props.example.name}
        </button>
      </div>
      <SavedMappings mappingText={props.value} onLoad={props.onChange} />

      <div className="flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-2" role="group" aria-label="Set a field">
        <label className="text-xs text-slate-600">
          Field
          <select
            value={field}
            onChange={(event) => setField(event.target.value as MappedField)}
            className="mt-0.5 block rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
          >
            {MAPPED_FIELDS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-56 flex-1 text-xs text-slate-600">
          Path in the record
          <input
            value={path}
            onChange={(event) => setPath(event.target.value)}
            list="mapping-field-paths"
            placeholder={props.fieldPaths[0] ?? "e.g. assistant_scratchpad"}
            className="mt-0.5 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-sm"
          />
          <datalist id="mapping-field-paths">
            {props.fieldPaths.map((candidate) => (
              <option key={candidate} value={candidate} />
            ))}
          </datalist>
        </label>
        <button
          type="button"
          onClick={setFieldPath}
          className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100"
        >
          Set field
        </button>
        <p className="basis-full text-xs text-slate-500">{MAPPED_FIELD_DESCRIPTIONS[field]}</p>
        {pickError && <p className="basis-full text-xs text-red-700">{pickError}</p>}
      </div>

      <div className="grid gap-3 lg:grid-cols-2">
        <label className="block">
          <span className="text-xs font-medium text-slate-600">Mapping (JSON)</span>
          <textarea
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
            spellCheck={false}
            rows={16}
            aria-describedby="mapping-errors mapping-unmatched"
            className="mt-1 w-full rounded-md border border-slate-300 bg-slate-50 p-2 font-mono text-xs leading-relaxed focus:border-indigo-500 focus:outline-none"
          />
        </label>
        <div>
          <span className="text-xs font-medium text-slate-600">First record in the file</span>
          <pre className="mt-1 max-h-[22rem] overflow-auto whitespace-pre-wrap break-words rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs text-slate-700">
            {props.sample ?? "(no record could be read)"}
          </pre>
        </div>
      </div>
      <div id="mapping-errors">
        {props.errors.length > 0 && (
          <ul className="space-y-0.5 text-sm text-red-700" aria-label="Mapping errors">
            {props.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </div>
      <div id="mapping-unmatched">
        {props.unmatchedPaths.length > 0 && (
          <ul
            aria-label="Paths that match nothing"
            className="list-disc space-y-0.5 rounded-md bg-amber-50 py-1.5 pl-7 pr-2 text-sm text-amber-900"
          >
            {props.unmatchedPaths.map((unmatched) => (
              <li key={unmatched}>
                <code className="font-mono">{unmatched}</code> matches nothing in the first records
                {unmatched.startsWith("labels.") ? ": this label would not be imported." : "."}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="flex items-center gap-3">
        <button
          type="button"
          onClick={props.onApply}
          disabled={props.busy}
          className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-50"
        >
          {props.busy ? "Reading…" : "Apply mapping"}
        </button>
      </div>
      <KeyReference />
    </section>
  );
}

/** Every key a mapping may use, one line each. */
function KeyReference() {
  return (
    <details className="rounded-md border border-slate-200 text-sm">
      <summary className="cursor-pointer select-none px-3 py-1.5 text-xs font-medium text-slate-700">Keys a mapping may use</summary>
      <dl aria-label="Mapping keys" className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 px-3 pb-3 text-xs">
        {Object.entries(MAPPING_KEYS).map(([key, description]) => (
          <Row key={key} name={key} description={description} />
        ))}
        <dt className="col-span-2 mt-2 font-semibold text-slate-700">In fields:</dt>
        {MAPPED_FIELDS.map((name) => (
          <Row key={name} name={`fields.${name}`} description={MAPPED_FIELD_DESCRIPTIONS[name]} />
        ))}
      </dl>
    </details>
  );
}

function Row({ name, description }: { name: string; description: string }) {
  return (
    <>
      <dt className="font-mono text-slate-800">{name}</dt>
      <dd className="text-slate-600">{description}</dd>
    </>
  );
}
