import { FIELD_DESCRIPTIONS, type CanonicalField } from "./fields";

/**
 * Every key a mapping may use, with one line each: the schema's descriptions
 * (lib/imports/mapping.ts), the mapping editor's key list and the refusal
 * messages all read this. No Node imports: the editor runs in the browser.
 */
export const MAPPED_FIELDS = [
  "id",
  "setting",
  "variation",
  "model",
  "condition",
  "query",
  "response",
  "scratchpad",
  "messages",
  "transcript",
  "system_prompt",
  "sample_index",
  "label_source",
] as const satisfies readonly CanonicalField[];
export type MappedField = (typeof MAPPED_FIELDS)[number];

export const MAPPING_KEYS = {
  $schema: "Path or URL of this schema, for editors.",
  description: "What files this mapping is for.",
  format: "The file format, when detection should not guess: jsonl, json, csv, native or inspect.",
  each: 'One transcript per key (of an object) or element (of an array) at `path`; the key becomes the variable named `as`: {"path": "results", "as": "condition"}.',
  fields:
    'Canonical field ← path in the record, e.g. {"query": "prompt_text", "scratchpad": "assistant_scratchpad"}; a list of paths joins several fields in order (texts by a blank line; each scratchpad path is its own block). A mapped field is read only there.',
  split:
    'Cuts a value ("{condition}" or a path) into fields with a regular expression\'s named groups: tier (or condition), variation, setting, model.',
  values: 'Source value → stored value, per field, e.g. {"condition": {"Free": "training"}}. Unlisted values pass unchanged.',
  constants:
    "Values for records that do not give the field themselves: setting, variation, model, label_source, system_prompt; condition (training or deployment) only when neither the record nor the conversation's tier tag says.",
  labels:
    'Labels that come with the data: {"source": "judge", "fields": {"complied": "scores.{condition}"}, "values": {"complied": {"1": "true"}}}.',
} as const;
export type MappingKey = keyof typeof MAPPING_KEYS;

export const MAPPED_FIELD_DESCRIPTIONS: Record<MappedField, string> = Object.fromEntries(
  MAPPED_FIELDS.map((field) => [field, FIELD_DESCRIPTIONS[field]]),
) as Record<MappedField, string>;
