import type { FilterOptions } from "@/lib/analytics/queries";

export const fieldClass = "flex flex-col gap-1 text-xs font-medium text-slate-600";
export const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-normal text-slate-900";

/** Setting, model and dataset: the scope every chart form starts with (plain GET fields). */
export function ChartScopeFields({
  options,
  settingSlug,
  modelId,
  datasetId,
}: {
  options: FilterOptions;
  settingSlug?: string;
  modelId?: number;
  datasetId?: number;
}) {
  return (
    <>
      <label className={fieldClass}>
        Setting
        <select name="setting" defaultValue={settingSlug} className={selectClass}>
          {options.settings.map((s) => (
            <option key={s.id} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className={fieldClass}>
        Model
        <select name="model" defaultValue={modelId ?? ""} className={selectClass}>
          <option value="">All models</option>
          {options.models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className={fieldClass}>
        Dataset
        <select name="dataset" defaultValue={datasetId ?? ""} className={selectClass}>
          <option value="">All datasets</option>
          {options.datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
