import type { InputHTMLAttributes, ReactNode } from "react";

/** What a control inside a Field must spread: its id, name and the error wiring screen readers follow. */
export interface FieldControl {
  id: string;
  name: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
}

/** The classes of a text input, select or textarea; red-edged while its field has an error. */
export function controlClasses(invalid = false, className = ""): string {
  const edge = invalid ? "border-red-500 focus-visible:outline-red-600" : "border-slate-300 focus-visible:outline-sky-600";
  return `mt-1 w-full rounded-md border bg-white px-2.5 py-1.5 text-sm ${edge} focus-visible:outline-2 focus-visible:outline-offset-1 ${className}`;
}

/**
 * A label, its control, an optional hint and the field's error right beneath it. The
 * error's and hint's ids go into the control's `aria-describedby` and the error sets
 * `aria-invalid`, so a screen reader says what is wrong when the control takes focus.
 * `errors` is one entry of an ActionResult's fieldErrors (lib/server/action.ts).
 *
 *   <Field label="Name" name="name" errors={fieldErrors?.name}>
 *     {(control) => <input {...control} className={controlClasses(control["aria-invalid"])} />}
 *   </Field>
 */
export function Field({
  label,
  name,
  id = `field-${name}`,
  hint,
  errors,
  describedBy,
  className = "",
  children,
}: {
  label: ReactNode;
  name: string;
  id?: string;
  hint?: ReactNode;
  errors?: readonly string[];
  /** Further ids describing the control (a live match count, a warning), read after the hint. */
  describedBy?: string;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const error = errors?.length ? errors.join(" ") : undefined;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [error && errorId, hint && hintId, describedBy].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children({ id, name, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError id={errorId} name={name} errors={errors} />
    </div>
  );
}

/** A field's error on its own, for a control that is not one Field (a fieldset of checkboxes): point its aria-describedby at `id`. */
export function FieldError({ id, name, errors }: { id: string; name: string; errors?: readonly string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-xs font-medium text-red-700" data-field-error={name}>
      <span aria-hidden="true">⚠ </span>
      {errors.join(" ")}
    </p>
  );
}

/** An ActionResult's field errors, or none (lib/server/action.ts). */
export type FieldErrors = Record<string, string[] | undefined> | undefined;
export function fieldErrorsOf(state: { ok: boolean; fieldErrors?: FieldErrors } | null | undefined): FieldErrors {
  return state && !state.ok ? state.fieldErrors : undefined;
}

/** The common case: a Field holding one text-like input. */
export function TextField({
  label,
  name,
  id,
  hint,
  errors,
  describedBy,
  className,
  inputClassName = "",
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className"> & {
  label: ReactNode;
  name: string;
  id?: string;
  hint?: ReactNode;
  errors?: readonly string[];
  describedBy?: string;
  className?: string;
  inputClassName?: string;
}) {
  return (
    <Field label={label} name={name} id={id} hint={hint} errors={errors} describedBy={describedBy} className={className}>
      {(control) => <input {...input} {...control} className={controlClasses(control["aria-invalid"], inputClassName)} />}
    </Field>
  );
}
