"use client";

import { LABEL_KINDS, LABEL_KIND_NAMES, type LabelDefinitionInput, type LabelKind } from "@/lib/annotations/schema-definition";

export type EditableLabel = LabelDefinitionInput & { isNew?: boolean };

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1 text-sm";
const small = "block text-xs font-medium text-slate-600";

/** A new label's defaults for a kind (and what a kind change keeps). */
export function withKind(label: EditableLabel, kind: LabelKind): EditableLabel {
  const { key, name, description, hotkey, color, isNew } = label;
  const common = { key, name, description, hotkey, color, isNew };
  if (kind === "choice")
    return {
      ...common,
      kind,
      options:
        "options" in label && label.options
          ? label.options
          : [
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ],
    };
  if (kind === "scale") return { ...common, kind, min: 1, max: 4, pointLabels: [] };
  return { ...common, kind };
}

/** One label's fields. The key of a label that exists in earlier versions is fixed: annotations refer to it. */
export function LabelEditor({
  label,
  index,
  errors,
  onChange,
  onRemove,
  onMove,
}: {
  label: EditableLabel;
  index: number;
  errors: string[];
  onChange: (label: EditableLabel) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}) {
  const id = (field: string) => `label-${index}-${field}`;
  const set = (patch: Partial<EditableLabel>) => onChange({ ...label, ...patch } as EditableLabel);
  return (
    <fieldset
      aria-label={`Label ${index + 1}: ${label.name || "new label"}`}
      className="rounded-lg border border-slate-200 bg-white p-4"
      style={{ borderLeft: `4px solid ${label.color}` }}
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_11rem_12rem_5rem_4rem]">
        <div>
          <label htmlFor={id("name")} className={small}>
            Name
          </label>
          <input id={id("name")} value={label.name} onChange={(event) => set({ name: event.target.value })} className={input} />
        </div>
        <div>
          <label htmlFor={id("key")} className={small}>
            Key (stable id)
          </label>
          <input
            id={id("key")}
            value={label.key}
            disabled={!label.isNew}
            onChange={(event) => set({ key: event.target.value })}
            className={`${input} font-mono disabled:bg-slate-50 disabled:text-slate-500`}
          />
        </div>
        <div>
          <label htmlFor={id("kind")} className={small}>
            Kind
          </label>
          <select
            id={id("kind")}
            value={label.kind}
            onChange={(event) => onChange(withKind(label, event.target.value as LabelKind))}
            className={input}
          >
            {LABEL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {LABEL_KIND_NAMES[kind]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={id("hotkey")} className={small}>
            Keyboard key
          </label>
          <input
            id={id("hotkey")}
            value={label.hotkey}
            maxLength={1}
            onChange={(event) => set({ hotkey: event.target.value.toLowerCase() })}
            className={`${input} text-center font-mono`}
          />
        </div>
        <div>
          <label htmlFor={id("color")} className={small}>
            Colour
          </label>
          <input
            id={id("color")}
            type="color"
            value={label.color}
            onChange={(event) => set({ color: event.target.value })}
            className="mt-1 h-8 w-full cursor-pointer rounded border border-slate-300"
          />
        </div>
      </div>
      <div className="mt-3">
        <label htmlFor={id("description")} className={small}>
          Description (shown to annotators)
        </label>
        <textarea
          id={id("description")}
          value={label.description ?? ""}
          rows={2}
          onChange={(event) => set({ description: event.target.value })}
          className={input}
        />
      </div>
      {label.kind === "choice" && (
        <div className="mt-3">
          <p className={small}>Options (value · name); digits 1-9 pick them in this order</p>
          {label.options.map((option, optionIndex) => (
            <div key={optionIndex} className="mt-1 flex gap-2">
              <input
                aria-label={`Option ${optionIndex + 1} value`}
                value={option.value}
                onChange={(event) =>
                  set({ options: label.options.map((o, i) => (i === optionIndex ? { ...o, value: event.target.value } : o)) })
                }
                className={`${input} mt-0 w-40 font-mono`}
              />
              <input
                aria-label={`Option ${optionIndex + 1} name`}
                value={option.label}
                onChange={(event) =>
                  set({ options: label.options.map((o, i) => (i === optionIndex ? { ...o, label: event.target.value } : o)) })
                }
                className={`${input} mt-0`}
              />
              <button
                type="button"
                onClick={() => set({ options: label.options.filter((_, i) => i !== optionIndex) })}
                className="text-xs text-slate-500 hover:text-red-700"
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => set({ options: [...label.options, { value: `option_${label.options.length + 1}`, label: "" }] })}
            className="mt-1 text-xs text-indigo-700 hover:underline"
          >
            Add an option
          </button>
        </div>
      )}
      {label.kind === "scale" && (
        <div className="mt-3 grid gap-3 sm:grid-cols-[6rem_6rem_1fr]">
          <div>
            <label htmlFor={id("min")} className={small}>
              From
            </label>
            <input
              id={id("min")}
              type="number"
              min={1}
              max={8}
              value={label.min}
              onChange={(event) => set({ min: Number(event.target.value) })}
              className={input}
            />
          </div>
          <div>
            <label htmlFor={id("max")} className={small}>
              To
            </label>
            <input
              id={id("max")}
              type="number"
              min={2}
              max={9}
              value={label.max}
              onChange={(event) => set({ max: Number(event.target.value) })}
              className={input}
            />
          </div>
          <div>
            <label htmlFor={id("points")} className={small}>
              Point names, one per line, lowest first
            </label>
            <textarea
              id={id("points")}
              rows={2}
              value={(label.pointLabels ?? []).join("\n")}
              onChange={(event) => set({ pointLabels: event.target.value.split("\n") })}
              className={input}
            />
          </div>
        </div>
      )}
      {errors.length > 0 && (
        <ul role="alert" className="mt-2 list-inside list-disc text-xs text-red-700">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex gap-3 text-xs">
        <button type="button" onClick={() => onMove(-1)} className="text-slate-600 hover:underline">
          Move up
        </button>
        <button type="button" onClick={() => onMove(1)} className="text-slate-600 hover:underline">
          Move down
        </button>
        <button type="button" onClick={onRemove} className="ml-auto text-red-700 hover:underline">
          Remove label
        </button>
      </div>
    </fieldset>
  );
}
