import { z } from "zod";
import { SCOPES, LABEL_LETTERS, PAGE_LETTERS } from "@/lib/keys/map";

/**
 * The label schema is data: a list of label definitions, stored as one
 * immutable version per edit (label_schema_versions.labels). This module is
 * pure (used by the server to validate, and by the browser to render).
 *
 * Kinds:
 * - `boolean`: yes / no.
 * - `choice`: one of several named options (e.g. the AF verdict).
 * - `scale`: an ordinal scale min..max, each point optionally named (e.g. compliance 1-4).
 * - `span`: evidence highlighted in the scratchpad (e.g. criteria a-e).
 *
 * A label's `key` identifies it across versions: annotations store values by
 * key, and filters ask for a key. Renaming a label keeps its key.
 */
export const LABEL_KINDS = ["boolean", "choice", "scale", "span"] as const;
export const labelKindSchema = z.enum(LABEL_KINDS);
export type LabelKind = z.infer<typeof labelKindSchema>;

export const LABEL_KIND_NAMES: Record<LabelKind, string> = {
  boolean: "Yes / no",
  choice: "One of many",
  scale: "Ordinal scale",
  span: "Span (evidence)",
};

/** Keys the panel uses itself: digits pick options (0 clears), n focuses the note, ? opens the help. */
export const RESERVED_KEYS = new Set(["n", "?", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]);

const keySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "Use lower-case letters, digits and _ (start with a letter, at most 40)." });

const hotkeySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]$/, { message: "One letter, a to z." })
  .refine((key) => !RESERVED_KEYS.has(key), { message: "n is reserved for the note." });

const colorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, { message: "A colour like #4f46e5." });

const optionSchema = z.object({
  value: keySchema,
  label: z.string().trim().min(1, { message: "Name the option." }).max(60),
});

const common = {
  key: keySchema,
  name: z.string().trim().min(1, { message: "Name the label." }).max(80),
  description: z.string().trim().max(1_000).default(""),
  hotkey: hotkeySchema,
  color: colorSchema,
};

export const labelDefinitionSchema = z.discriminatedUnion("kind", [
  z.object({ ...common, kind: z.literal("boolean") }),
  z.object({
    ...common,
    kind: z.literal("choice"),
    options: z
      .array(optionSchema)
      .min(2, { message: "Give at least two options." })
      .max(9, { message: "At most nine options (keys 1-9)." })
      .refine((options) => new Set(options.map((o) => o.value)).size === options.length, { message: "Option values must differ." }),
  }),
  z
    .object({
      ...common,
      kind: z.literal("scale"),
      min: z.int().min(1).max(8),
      max: z.int().min(1).max(9),
      /** Names of the points, min first (optional, may be shorter than the scale). */
      pointLabels: z.array(z.string().trim().max(80)).max(10).default([]),
    })
    .refine((label) => label.max > label.min, { message: "The scale's maximum must be above its minimum.", path: ["max"] }),
  z.object({ ...common, kind: z.literal("span") }),
]);
export type LabelDefinition = z.infer<typeof labelDefinitionSchema>;
export type LabelDefinitionInput = z.input<typeof labelDefinitionSchema>;

/** A whole schema version's labels: keys and hotkeys unique. */
export const labelSetSchema = z
  .array(labelDefinitionSchema)
  .min(1, { message: "A schema needs at least one label." })
  .max(40)
  .superRefine((labels, context) => {
    const seen = { key: new Map<string, number>(), hotkey: new Map<string, number>() };
    labels.forEach((label, index) => {
      for (const field of ["key", "hotkey"] as const) {
        const other = seen[field].get(label[field]);
        if (other !== undefined) {
          context.addIssue({
            code: "custom",
            path: [index, field],
            message: `"${label[field]}" is already the ${field === "key" ? "key" : "keyboard key"} of “${labels[other].name}”.`,
          });
        } else seen[field].set(label[field], index);
      }
    });
  });

/** What a page key does, to say so when a label asks for its letter. */
function pageUseOf(letter: string): string {
  for (const scope of SCOPES)
    for (const binding of scope.bindings)
      if (binding.keys.includes(letter))
        return `the ${scope.title.toLowerCase()}’s key for “${binding.text.charAt(0).toLowerCase()}${binding.text.slice(1)}”`;
  return "a page’s key";
}

/**
 * A schema being saved: also no letter a page uses (lib/keys/map.ts), so a key
 * means one thing on every page. Stored versions are read with
 * `labelSetSchema`: one saved before this rule still opens.
 */
export const savableLabelSetSchema = labelSetSchema.superRefine((labels, context) => {
  labels.forEach((label, index) => {
    if (!PAGE_LETTERS.has(label.hotkey)) return;
    context.addIssue({
      code: "custom",
      path: [index, "hotkey"],
      message: `“${label.hotkey}” is ${pageUseOf(label.hotkey)}: pick one of ${LABEL_LETTERS.join(" ")}.`,
    });
  });
});

export interface LabelSchema {
  version: number;
  labels: LabelDefinition[];
}

export function scalePoints(label: Extract<LabelDefinition, { kind: "scale" }>): { value: number; label: string }[] {
  const points = [];
  for (let value = label.min; value <= label.max; value++) points.push({ value, label: label.pointLabels[value - label.min] ?? "" });
  return points;
}
