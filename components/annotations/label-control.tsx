"use client";

import { scalePoints, type LabelDefinition } from "@/lib/annotations/schema-definition";
import type { LabelValue } from "@/lib/annotations/values";
import { useAnnotation } from "./annotation-context";

/** One label of the schema: its key, name, description and the control for its kind. */
export function LabelControl({ label }: { label: LabelDefinition }) {
  const { doc, dispatch, armed, tagSelection, spans } = useAnnotation();
  const value = doc.values[label.key];
  const isArmed = armed === label.key;
  const set = (next: LabelValue | undefined) => dispatch({ type: "set", key: label.key, value: next === value ? undefined : next });
  const headingId = `label-${label.key}`;

  return (
    <div
      role="group"
      aria-labelledby={headingId}
      data-label={label.key}
      className={`rounded-md px-2 py-1.5 ${isArmed ? "bg-indigo-50 ring-2 ring-indigo-400" : ""}`}
    >
      <div className="flex items-center gap-2">
        <kbd className="inline-flex h-5 w-5 shrink-0 items-center justify-center rounded border border-slate-300 bg-white font-mono text-xs text-slate-700 shadow-sm">
          {label.hotkey}
        </kbd>
        <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: label.color }} />
        <span id={headingId} className="min-w-0 flex-1 truncate text-sm font-medium text-slate-800" title={label.name}>
          {label.name}
        </span>
        {isArmed && <span className="shrink-0 text-xs text-indigo-700">press a number · 0 clears</span>}
        {label.kind === "span" && (
          <>
            <span className="shrink-0 text-xs tabular-nums text-slate-500" title="Spans you tagged with this label">
              {countLabel(spans.filter((span) => span.own && span.labelKey === label.key).length)}
            </span>
            <button
              type="button"
              title="Tag the selected text with this label"
              aria-label={`Tag selection as ${label.name}`}
              // Keep the text selection: a mousedown on a button would clear it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => tagSelection(label)}
              className="shrink-0 rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50"
            >
              Tag
            </button>
          </>
        )}
      </div>
      {label.description && (
        <p className="mt-0.5 line-clamp-2 pl-7 text-xs leading-snug text-slate-500" title={label.description}>
          {label.description}
        </p>
      )}
      {label.kind !== "span" && (
        <div className="mt-1.5 flex flex-wrap items-center gap-1 pl-7">
          {label.kind === "boolean" &&
            ([true, false] as const).map((option, index) => (
              <Choice
                key={String(option)}
                pressed={value === option}
                digit={isArmed ? index + 1 : undefined}
                onClick={() => set(option)}
                color={label.color}
              >
                {option ? "Yes" : "No"}
              </Choice>
            ))}
          {label.kind === "choice" &&
            label.options.map((option, index) => (
              <Choice
                key={option.value}
                pressed={value === option.value}
                digit={isArmed ? index + 1 : undefined}
                onClick={() => set(option.value)}
                color={label.color}
              >
                {option.label}
              </Choice>
            ))}
          {label.kind === "scale" &&
            scalePoints(label).map((point) => (
              <Choice
                key={point.value}
                pressed={value === point.value}
                onClick={() => set(point.value)}
                color={label.color}
                title={point.label}
              >
                {point.value}
              </Choice>
            ))}
          {label.kind === "scale" && value !== undefined && (
            <span className="ml-1 text-xs text-slate-600">{label.pointLabels[(value as number) - label.min]}</span>
          )}
        </div>
      )}
    </div>
  );
}

function countLabel(count: number) {
  return count === 0 ? "–" : count === 1 ? "1 span" : `${count} spans`;
}

function Choice(props: {
  pressed: boolean;
  onClick: () => void;
  color: string;
  digit?: number;
  title?: string;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-pressed={props.pressed}
      title={props.title}
      onClick={props.onClick}
      style={props.pressed ? { backgroundColor: props.color, borderColor: props.color } : undefined}
      className={`rounded border px-2 py-0.5 text-xs font-medium ${props.pressed ? "text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
    >
      {props.digit !== undefined && <span className="mr-1 font-mono opacity-70">{props.digit}</span>}
      {props.children}
    </button>
  );
}
