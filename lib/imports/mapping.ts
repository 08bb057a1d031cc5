import { z } from "zod";
import { CANONICAL_FIELDS, FIELD_ALIASES, FIELD_DESCRIPTIONS, normalizeKey, type CanonicalField } from "./fields";
import { importFormatSchema } from "./formats";
import { MAPPED_FIELDS, MAPPING_KEYS } from "./mapping-keys";

export { MAPPED_FIELDS, type MappedField } from "./mapping-keys";

/**
 * A mapping tells the importer how to read a file whose shape the canonical
 * schema and its aliases do not cover. Written once per shape, reused for
 * every run; documented in docs/importing.md, example in docs/import/mappings/.
 *
 * Paths are dot-separated ("meta.model", "results.{condition}"); `{name}`
 * inserts a variable: the key given by `each`, or `group` (the key of the
 * array a record sits in, in a JSON file nested by condition). A path that is
 * only "{name}" is the variable's value itself.
 */

const SPLIT_GROUPS = ["condition", "tier", "setting", "variation", "model"] as const;
const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a variable name: letters, digits and _");

const regexSource = z
  .string()
  .min(1)
  .superRefine((source, context) => {
    try {
      new RegExp(source);
    } catch (error) {
      context.addIssue({ code: "custom", message: `not a valid regular expression: ${(error as Error).message}` });
      return;
    }
    const groups = [...source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((match) => match[1]);
    if (!groups.length) context.addIssue({ code: "custom", message: `needs named groups, e.g. (?<tier>Free|Paid)_(?<variation>.+)` });
    for (const group of groups) {
      if (!(SPLIT_GROUPS as readonly string[]).includes(group))
        context.addIssue({ code: "custom", message: `unknown group "${group}"; use ${SPLIT_GROUPS.join(", ")}` });
    }
  });

export const mappingSchema = z
  .object({
    $schema: z.string().optional().describe(MAPPING_KEYS.$schema),
    description: z.string().optional().describe(MAPPING_KEYS.description),
    format: importFormatSchema.optional().describe(MAPPING_KEYS.format),
    each: z
      .object({ path: z.string().min(1), as: variableName })
      .strict()
      .optional()
      .describe(MAPPING_KEYS.each),
    fields: z
      .partialRecord(z.enum(MAPPED_FIELDS), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]))
      .default({})
      .describe(MAPPING_KEYS.fields),
    split: z
      .object({ from: z.string().min(1), pattern: regexSource })
      .strict()
      .optional()
      .describe(MAPPING_KEYS.split),
    values: z
      .partialRecord(z.enum(["condition", "setting", "variation", "model"]), z.record(z.string(), z.string()))
      .default({})
      .describe(MAPPING_KEYS.values),
    constants: z
      .partialRecord(z.enum(["setting", "variation", "model", "label_source", "system_prompt", "condition"]), z.string().min(1))
      .default({})
      .describe(MAPPING_KEYS.constants),
    labels: z
      .object({
        source: z.string().min(1).optional(),
        fields: z.record(z.string().min(1), z.string().min(1)),
        values: z.record(z.string(), z.record(z.string(), z.string())).optional(),
      })
      .strict()
      .optional()
      .describe(MAPPING_KEYS.labels),
  })
  .strict();

export type Mapping = z.infer<typeof mappingSchema>;
export type MappingInput = z.input<typeof mappingSchema>;

export type MappingParse = { ok: true; mapping: Mapping } | { ok: false; errors: string[] };

/** Parses a mapping from its JSON text, with one readable line per problem. */
export function parseMapping(text: string): MappingParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`the mapping is not valid JSON: ${(error as Error).message}`] };
  }
  return checkMapping(json);
}

/** Checks a mapping given as a value (a JSON body part, a stored mapping). */
export function checkMapping(json: unknown): MappingParse {
  const result = mappingSchema.safeParse(json);
  if (result.success) return { ok: true, mapping: result.data };
  return { ok: false, errors: result.error.issues.flatMap(describeIssue) };
}

const TOP_KEYS = Object.keys(mappingSchema.shape);
const KEYS_OF: Record<string, readonly string[]> = {
  "": TOP_KEYS,
  fields: MAPPED_FIELDS,
  values: ["condition", "setting", "variation", "model"],
  constants: ["setting", "variation", "model", "label_source", "system_prompt", "condition"],
  each: ["path", "as"],
  split: ["from", "pattern"],
  labels: ["source", "fields", "values"],
};

/** A wrong key names what is allowed, and the canonical field it is an alias of ("final_output" → response). */
function describeIssue(issue: z.core.$ZodIssue): string[] {
  const where = issue.path.join(".");
  if (issue.code !== "unrecognized_keys") return [`${where || "mapping"}: ${issue.message}`];
  const allowed = KEYS_OF[where];
  return issue.keys.map((key) => {
    const canonical = where === "fields" || where === "constants" || where === "values" ? aliasOf(key) : undefined;
    const hint = canonical && allowed?.includes(canonical) ? `; did you mean "${canonical}" (${FIELD_DESCRIPTIONS[canonical]})?` : "";
    const list = allowed ? ` Allowed${where ? ` in ${where}` : ""}: ${allowed.join(", ")}.` : "";
    return `${where || "mapping"}: "${key}" is not a key a mapping may use${hint}.${list}`;
  });
}

function aliasOf(key: string): CanonicalField | undefined {
  const normalized = normalizeKey(key);
  return CANONICAL_FIELDS.find((field) => field === normalized || FIELD_ALIASES[field].includes(normalized));
}

export type Variables = Record<string, string>;

/** The value at a path: the whole path as one key first (CSV headers may hold dots), then segment by segment. */
export function valueAt(record: unknown, path: string, variables: Variables): unknown {
  const whole = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(path);
  if (whole) return variables[whole[1]];
  const resolved = path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => variables[name] ?? "");
  if (typeof record !== "object" || record === null) return undefined;
  if (Object.hasOwn(record, resolved)) return (record as Record<string, unknown>)[resolved];
  let current: unknown = record;
  for (const segment of resolved.split(".")) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** A template with variables and paths in braces, or a plain path: "{condition}", "meta.tier". */
export function textAt(record: unknown, template: string, variables: Variables): string | undefined {
  const value = valueAt(record, template, variables);
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
}
