import Link from "next/link";

interface SeriesOption {
  id: number;
  name: string;
  models: string[];
}

/** Chooses the published series (and its model) to show beside the measured rates. */
export function ReferencePicker({ series, chosen, model }: { series: SeriesOption[]; chosen?: number; model?: string }) {
  const field = "flex flex-col gap-1 text-xs font-medium text-slate-600";
  const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-normal text-slate-900";
  const models = series.find((s) => s.id === chosen)?.models ?? [];
  if (series.length === 0) {
    return (
      <Link href="/analytics/reference" className="self-center text-xs text-indigo-600 hover:underline">
        Load published results as a reference…
      </Link>
    );
  }
  return (
    <>
      <label className={field}>
        Reference
        <select name="ref" defaultValue={chosen ?? ""} className={select}>
          <option value="">none</option>
          {series.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      {models.length > 0 && (
        <label className={field}>
          Reference model
          <select name="refModel" defaultValue={model} className={select}>
            {models.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
