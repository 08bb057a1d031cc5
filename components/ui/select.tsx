import type { SelectHTMLAttributes } from "react";
import { controlClasses } from "./field";

/**
 * The app's select: the browser's own (keyboard and screen readers work as everywhere),
 * styled as the other controls. Inside a Field, spread the field's control into it.
 */
export function Select({
  options,
  className = "",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  const invalid = props["aria-invalid"] === true || props["aria-invalid"] === "true";
  return (
    <select className={controlClasses(invalid, className)} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
