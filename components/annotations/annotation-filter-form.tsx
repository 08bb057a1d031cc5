import { ANNOTATION_STATUSES, ANNOTATION_STATUS_NAMES, annotationFilterParams, type AnnotationFilter } from "@/lib/annotations/filter-params";
import { scalePoints, type LabelDefinition } from "@/lib/annotations/schema-definition";

/**
 * The transcripts table's filters on human labels, as a plain GET form (the
 * filter lives in the URL; lib/annotations/filters.ts applies it on the
 * server). `hidden` carries the table's other URL state along.
 */
export function AnnotationFilterForm({ filter, labels, action, hidden = {} }: { filter: AnnotationFilter; labels: LabelDefinition[]; action: string; hidden?: Record<string, string> }) {
  const chosen = new Set(annotationFilterParams(filter).getAll("label"));
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter by labels">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="filter-status" className="block text-xs font-medium text-slate-600">Annotation status</label>
        <select id="filter-status" name="status" defaultValue={filter.status ?? ""} className="mt-1 rounded-md border border-slate-300 px-2 py-1">
          <option value="">Any</option>
          {ANNOTATION_STATUSES.map((status) => (
            <option key={status} value={status}>{ANNOTATION_STATUS_NAMES[status]}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-label" className="block text-xs font-medium text-slate-600">Human label</label>
        <select id="filter-label" name="label" defaultValue={[...chosen][0] ?? ""} className="mt-1 max-w-72 rounded-md border border-slate-300 px-2 py-1">
          <option value="">Any</option>
          {labels.map((label) => (
            <optgroup key={label.key} label={label.name}>
              {conditions(label).map(([value, text]) => (
                <option key={value} value={value}>{text}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-white">Filter</button>
    </form>
  );
}

/** The URL values (`key:value`) one label can be filtered by, with their names. */
function conditions(label: LabelDefinition): [string, string][] {
  switch (label.kind) {
    case "boolean":
      return [[`${label.key}:yes`, `${label.name}: yes`], [`${label.key}:no`, `${label.name}: no`]];
    case "choice":
      return label.options.map((option) => [`${label.key}:${option.value}`, `${label.name}: ${option.label}`]);
    case "scale":
      return scalePoints(label).map((point) => [`${label.key}:${point.value}`, `${label.name}: ${point.value}${point.label ? ` · ${point.label}` : ""}`]);
    case "span":
      return [[`${label.key}:span`, `${label.name}: has evidence`]];
  }
}
