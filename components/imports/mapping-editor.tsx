"use client";

/** Where the user writes (or loads) a mapping for a shape the importer does not recognise. */
export function MappingEditor(props: {
  value: string;
  onChange: (value: string) => void;
  onApply: () => void;
  example: { name: string; text: string };
  sample: string | null;
  errors: string[];
  busy: boolean;
}) {
  return (
    <section aria-label="Mapping" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 className="font-medium text-slate-900">Mapping</h3>
          <p className="text-xs text-slate-500">
            Which field holds what, which values mean which condition, constants such as the model. Reusable: save it as a .json file and
            pass it to <code className="font-mono">npm run import -- --map</code>.
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
      <div className="grid gap-3 lg:grid-cols-2">
        <label className="block">
          <span className="text-xs font-medium text-slate-600">Mapping (JSON)</span>
          <textarea
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
            spellCheck={false}
            rows={16}
            aria-describedby="mapping-errors"
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
          <ul className="space-y-0.5 text-sm text-red-700">
            {props.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="button"
        onClick={props.onApply}
        disabled={props.busy}
        className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-900 disabled:opacity-50"
      >
        {props.busy ? "Reading…" : "Apply mapping"}
      </button>
    </section>
  );
}
