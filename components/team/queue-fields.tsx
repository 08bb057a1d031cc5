import type { ReactNode } from "react";
import { FieldError } from "@/components/ui/field";

/**
 * The fields a new queue's form and a queue's settings share (queue-form.tsx,
 * queue-settings.tsx), so both say the same thing the same way.
 */

/** A checkbox whose unticked state is sent too ("off"): the action tells "unticked" from "not on this form". */
export function OnOffCheckbox({ name, defaultChecked, children }: { name: string; defaultChecked: boolean; children: ReactNode }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="hidden" name={name} value="off" />
      <input type="checkbox" name={name} defaultChecked={defaultChecked} /> {children}
    </label>
  );
}

export const HIDE_SUGGESTIONS_TEXT =
  "Hide imported labels and judge suggestions until each annotator submits (a blind queue always hides them)";

/** Who annotates the queue: one checkbox per user, the refusal beside the list. */
export function AnnotatorChoice({
  id,
  users,
  isChecked,
  errors,
  legend,
  listClassName,
}: {
  id: string;
  users: { id: string; name: string; email: string }[];
  isChecked: (userId: string) => boolean;
  errors?: readonly string[];
  legend: { text: string; className: string };
  listClassName: string;
}) {
  const errorId = `${id}-error`;
  return (
    <fieldset aria-describedby={errors ? errorId : undefined} aria-invalid={errors ? true : undefined}>
      <legend className={legend.className}>{legend.text}</legend>
      <div className={listClassName}>
        {users.map((user) => (
          <label key={user.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="annotatorIds" value={user.id} defaultChecked={isChecked(user.id)} /> {user.name}{" "}
            <span className="text-slate-500">{user.email}</span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} name="annotatorIds" errors={errors} />
    </fieldset>
  );
}
