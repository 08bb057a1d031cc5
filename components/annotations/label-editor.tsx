"use client";

import type { InputHTMLAttributes } from "react";
import { LABEL_KINDS, LABEL_KIND_NAMES, type LabelDefinitionInput, type LabelKind } from "@/lib/annotations/schema-definition";
import { Field, FieldError, controlClasses } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { errorsAt } from "./label-issues";

export type EditableLabel = LabelDefinitionInput & { isNew?: boolean };

const small = "block text-xs font-medium text-slate-600";
const KIND_OPTIONS = LABEL_KINDS.map((kind) => ({ value: kind, label: LABEL_KIND_NAMES[kind] }));
/** The fields this editor shows; an error on any other path of the label is said at the label's foot. */
const PLACED = /^(name|key|kind|hotkey|color|description|options|min|max|pointLabels)(\.|$)/;

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

/**
 * One label's fields, each error beside its field (the kit's Field: aria-describedby and
 * aria-invalid). The key of a label that exists in earlier versions is fixed: annotations refer to it.
 */
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
  /** This label's errors by field path ("hotkey", "options.1.value"; "" the label as a whole). */
  errors: Map<string, string[]> | undefined;
  onChange: (label: EditableLabel) => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}) {
  const id = (field: string) => `label-${index}-${field}`;
  const name = (field: string) => `labels.${index}.${field}`;
  const set = (patch: Partial<EditableLabel>) => onChange({ ...label, ...patch } as EditableLabel);
  /** A text or number input in its Field, the error beside it. */
  const input = (
    field: "name" | "key" | "hotkey" | "min" | "max",
    text: string,
    props: InputHTMLAttributes<HTMLInputElement>,
    extra = "",
  ) => (
    <Field label={text} name={name(field)} id={id(field)} errors={errorsAt(errors, field)}>
      {(control) => <input {...props} {...control} className={controlClasses(control["aria-invalid"], extra)} />}
    </Field>
  );
  const unplaced = [...(errors ?? [])].filter(([path]) => !PLACED.test(path)).flatMap(([, messages]) => messages);
  return (
    <fieldset
      aria-label={`Label ${index + 1}: ${label.name || "new label"}`}
      aria-describedby={unplaced.length ? id("error") : undefined}
      aria-invalid={errors?.size ? true : undefined}
      className="rounded-lg border border-slate-200 bg-white p-4"
      style={{ borderLeft: `4px solid ${label.color}` }}
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_11rem_12rem_6rem_4rem]">
        {input("name", "Name", { value: label.name, onChange: (event) => set({ name: event.target.value }) })}
        {input(
          "key",
          "Key (stable id)",
          { value: label.key, disabled: !label.isNew, onChange: (event) => set({ key: event.target.value }) },
          "font-mono disabled:bg-slate-50 disabled:text-slate-500",
        )}
        <Field label="Kind" name={name("kind")} id={id("kind")} errors={errorsAt(errors, "kind")}>
          {(control) => (
            <Select
              {...control}
              value={label.kind}
              onChange={(event) => onChange(withKind(label, event.target.value as LabelKind))}
              options={KIND_OPTIONS}
            />
          )}
        </Field>
        {input(
          "hotkey",
          "Keyboard key",
          { value: label.hotkey, maxLength: 1, onChange: (event) => set({ hotkey: event.target.value.toLowerCase() }) },
          "text-center font-mono",
        )}
        <Field label="Colour" name={name("color")} id={id("color")} errors={errorsAt(errors, "color")}>
          {(control) => (
            <input
              {...control}
              type="color"
              value={label.color}
              onChange={(event) => set({ color: event.target.value })}
              className="mt-1 h-8 w-full cursor-pointer rounded border border-slate-300"
            />
          )}
        </Field>
      </div>
      <Field
        label="Description (shown to annotators)"
        name={name("description")}
        id={id("description")}
        errors={errorsAt(errors, "description")}
        className="mt-3"
      >
        {(control) => (
          <textarea
            {...control}
            value={label.description ?? ""}
            rows={2}
            onChange={(event) => set({ description: event.target.value })}
            className={controlClasses(control["aria-invalid"])}
          />
        )}
      </Field>
      {label.kind === "choice" && (
        <fieldset
          className="mt-3"
          aria-describedby={errorsAt(errors, "options") ? id("options-error") : undefined}
          aria-invalid={errorsAt(errors, "options") ? true : undefined}
        >
          <legend className={small}>Options (value · name); digits 1-9 pick them in this order</legend>
          {label.options.map((option, optionIndex) => {
            const optionErrors = errorsAt(errors, `options.${optionIndex}`, true);
            const errorId = id(`option-${optionIndex}-error`);
            const wiring = { "aria-invalid": optionErrors ? true : undefined, "aria-describedby": optionErrors ? errorId : undefined };
            return (
              <div key={optionIndex} className="mt-1">
                <div className="flex gap-2">
                  <input
                    {...wiring}
                    aria-label={`Option ${optionIndex + 1} value`}
                    value={option.value}
                    onChange={(event) =>
                      set({ options: label.options.map((o, i) => (i === optionIndex ? { ...o, value: event.target.value } : o)) })
                    }
                    className={controlClasses(Boolean(errorsAt(errors, `options.${optionIndex}.value`)), "mt-0 w-40 font-mono")}
                  />
                  <input
                    {...wiring}
                    aria-label={`Option ${optionIndex + 1} name`}
                    value={option.label}
                    onChange={(event) =>
                      set({ options: label.options.map((o, i) => (i === optionIndex ? { ...o, label: event.target.value } : o)) })
                    }
                    className={controlClasses(Boolean(errorsAt(errors, `options.${optionIndex}.label`)), "mt-0")}
                  />
                  <button
                    type="button"
                    onClick={() => set({ options: label.options.filter((_, i) => i !== optionIndex) })}
                    className="text-xs text-slate-500 hover:text-red-700"
                  >
                    Remove
                  </button>
                </div>
                <FieldError id={errorId} name={name(`options.${optionIndex}`)} errors={optionErrors} />
              </div>
            );
          })}
          <button
            type="button"
            onClick={() => set({ options: [...label.options, { value: `option_${label.options.length + 1}`, label: "" }] })}
            className="mt-1 text-xs text-indigo-700 hover:underline"
          >
            Add an option
          </button>
          <FieldError id={id("options-error")} name={name("options")} errors={errorsAt(errors, "options")} />
        </fieldset>
      )}
      {label.kind === "scale" && (
        <div className="mt-3 grid gap-3 sm:grid-cols-[6rem_6rem_1fr]">
          {input("min", "From", {
            type: "number",
            min: 1,
            max: 8,
            value: label.min,
            onChange: (event) => set({ min: Number(event.target.value) }),
          })}
          {input("max", "To", {
            type: "number",
            min: 2,
            max: 9,
            value: label.max,
            onChange: (event) => set({ max: Number(event.target.value) }),
          })}
          <Field
            label="Point names, one per line, lowest first"
            name={name("pointLabels")}
            id={id("points")}
            errors={errorsAt(errors, "pointLabels", true)}
          >
            {(control) => (
              <textarea
                {...control}
                rows={2}
                value={(label.pointLabels ?? []).join("\n")}
                onChange={(event) => set({ pointLabels: event.target.value.split("\n") })}
                className={controlClasses(control["aria-invalid"])}
              />
            )}
          </Field>
        </div>
      )}
      <FieldError id={id("error")} name={name("")} errors={unplaced.length ? unplaced : undefined} />
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
