import { BARE_LABEL_FIELDS, CANONICAL_FIELDS, FIELD_ALIASES, LABEL_COLUMN, normalizeKey, type CanonicalField } from "./fields";
import { textAt, valueAt, type Mapping, type Variables } from "./mapping";
import { recognizeNativeShape, type NativeShape } from "./native/shapes";

/**
 * Step one of normalizing: find each canonical field's value in a source
 * record, through the mapping if there is one, else through the aliases.
 * Types are checked afterwards (record-schema.ts).
 */
export interface Resolved {
  /** Where in the record this transcript came from, when a record holds several ("results.Free_Tier_Baseline"). */
  where?: string;
  values: Partial<Record<CanonicalField, unknown>>;
  /** Labels found outside the `labels` field: flat label columns, or the mapping's labels. */
  labels: Record<string, unknown>;
  /** Source keys nothing read: shown in the preview so a missed field is noticed. */
  ignored: string[];
  /** Where each field was read (the key, or the mapping's path): a scratchpad block is named after it. */
  sources: Partial<Record<CanonicalField, string>>;
  /** The API shape the record was recognised as (lib/imports/native/shapes.ts), if any. */
  shape?: NativeShape["name"];
  /** The mapping's paths that found nothing in this record ("fields.query ← prompt", "labels.complied ← scores.x"). */
  unmatched: string[];
}

/** Text fields a list of paths joins, in order, by a blank line. */
const JOINED_FIELDS = new Set<CanonicalField>(["query", "response", "transcript", "system_prompt"]);

export type Resolution = { ok: true; resolved: Resolved[] } | { ok: false; field?: string; message: string };

const isAbsent = (value: unknown) => value === undefined || value === null || value === "";

interface AliasMatch {
  values: Partial<Record<CanonicalField, unknown>>;
  sources: Partial<Record<CanonicalField, string>>;
  labels: Record<string, unknown>;
  used: Set<string>;
}

function fromAliases(record: Record<string, unknown>): AliasMatch {
  const keyOf = new Map<string, string>();
  for (const key of Object.keys(record)) if (!keyOf.has(normalizeKey(key))) keyOf.set(normalizeKey(key), key);
  const values: AliasMatch["values"] = {};
  const sources: AliasMatch["sources"] = {};
  const used = new Set<string>();
  for (const field of CANONICAL_FIELDS) {
    for (const alias of FIELD_ALIASES[field]) {
      const key = keyOf.get(alias);
      if (key === undefined || isAbsent(record[key])) continue;
      // "conversation" is messages when it is an array, a transcript when it is a string.
      if (alias === "conversation" && (field === "messages") === (typeof record[key] === "string")) continue;
      values[field] = record[key];
      sources[field] = key;
      used.add(key);
      break;
    }
  }
  const labels: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const column = LABEL_COLUMN.exec(key);
    const bare = (BARE_LABEL_FIELDS as readonly string[]).includes(normalizeKey(key));
    if (!column && !bare) continue;
    if (used.has(key)) continue;
    labels[column ? column[1] : key] = value;
    used.add(key);
  }
  return { values, sources, labels, used };
}

export function resolveRecord(record: Record<string, unknown>, group: string | undefined, mapping: Mapping | undefined): Resolution {
  const native = recognizeNativeShape(record);
  if (native && !mapping?.each) {
    // One resolution per conversation of the API record; the mapping, if any, applies to each.
    const resolved: Resolved[] = [];
    for (const conversation of native.conversations) {
      const result = resolveOne(record, group, mapping, withNative(fromAliases(record), native, conversation.values));
      if (!result.ok) return result;
      resolved.push(...result.resolved.map((r) => ({ ...r, where: conversation.where ?? r.where, shape: native.name })));
    }
    return { ok: true, resolved };
  }
  return resolveOne(record, group, mapping, fromAliases(record));
}

/** An API record's conversation replaces whatever aliases found on the keys it read; it fills the model and system prompt when absent. */
function withNative(aliases: AliasMatch, native: NativeShape, values: NativeShape["conversations"][number]["values"]): AliasMatch {
  const consumed = new Set(native.used);
  const kept = {
    ...aliases,
    values: { ...aliases.values },
    sources: { ...aliases.sources },
    used: new Set([...aliases.used, ...native.used]),
  };
  for (const [field, source] of Object.entries(kept.sources) as [CanonicalField, string][]) {
    if (consumed.has(source)) {
      delete kept.values[field];
      delete kept.sources[field];
    }
  }
  for (const [field, value] of Object.entries(values) as [CanonicalField, unknown][]) {
    if (field === "messages" || isAbsent(kept.values[field])) {
      kept.values[field] = value;
      kept.sources[field] = native.name;
    }
  }
  return kept;
}

function resolveOne(
  record: Record<string, unknown>,
  group: string | undefined,
  mapping: Mapping | undefined,
  aliases: AliasMatch,
): Resolution {
  const baseVariables: Variables = group === undefined ? {} : { group };
  if (!mapping)
    return {
      ok: true,
      resolved: [
        {
          values: aliases.values,
          sources: aliases.sources,
          labels: aliases.labels,
          ignored: ignoredKeys(record, aliases.used),
          unmatched: [],
        },
      ],
    };

  const used = new Set(aliases.used);
  const topKey = (path: string) => path.replace(/\{[^}]*\}/g, "").split(".")[0];
  if (!mapping.each) return applyMapping(record, mapping, baseVariables, aliases, used, topKey, undefined);

  const container = valueAt(record, mapping.each.path, baseVariables);
  if (typeof container !== "object" || container === null) {
    return {
      ok: false,
      field: mapping.each.path,
      message: `expected an object or array here (mapping "each"), found ${container === undefined ? "nothing" : typeof container}`,
    };
  }
  used.add(topKey(mapping.each.path));
  const resolved: Resolved[] = [];
  for (const key of Object.keys(container)) {
    const result = applyMapping(
      record,
      mapping,
      { ...baseVariables, [mapping.each.as]: key },
      aliases,
      used,
      topKey,
      `${mapping.each.path}.${key}`,
    );
    if (!result.ok) return result;
    resolved.push(...result.resolved);
  }
  return { ok: true, resolved };
}

function applyMapping(
  record: Record<string, unknown>,
  mapping: Mapping,
  variables: Variables,
  aliases: AliasMatch,
  used: Set<string>,
  topKey: (path: string) => string,
  where: string | undefined,
): Resolution {
  const values: Resolved["values"] = { ...aliases.values };
  const sources: Resolved["sources"] = { ...aliases.sources };
  const unmatched: string[] = [];
  for (const [field, mapped] of Object.entries(mapping.fields) as [CanonicalField, string | string[]][]) {
    const paths = typeof mapped === "string" ? [mapped] : mapped;
    const found: unknown[] = [];
    for (const path of paths) {
      const value = valueAt(record, path, variables);
      if (isAbsent(value)) unmatched.push(`fields.${field} ← ${path}`);
      else found.push(value);
      used.add(topKey(path));
    }
    // A mapped field is read only where the mapping says.
    if (!found.length) delete values[field];
    else values[field] = combine(field, found);
    sources[field] = paths.join(" + ");
  }
  if (mapping.split) {
    const source = textAt(record, mapping.split.from, variables);
    const match = source === undefined ? null : new RegExp(mapping.split.pattern).exec(source);
    if (!match) {
      const field = where ?? mapping.split.from;
      return {
        ok: false,
        field,
        message:
          source === undefined ? `nothing to split at "${mapping.split.from}"` : `"${source}" does not match the mapping's split pattern`,
      };
    }
    for (const [group, value] of Object.entries(match.groups ?? {})) {
      if (value !== undefined) values[group === "tier" ? "condition" : (group as CanonicalField)] = value;
    }
    used.add(topKey(mapping.split.from));
  }
  for (const [field, table] of Object.entries(mapping.values) as [CanonicalField, Record<string, string>][]) {
    const raw = values[field];
    if (isAbsent(raw) || typeof raw === "object") continue;
    const mapped = table[String(raw)];
    if (mapped !== undefined) values[field] = mapped;
  }
  for (const [field, value] of Object.entries(mapping.constants) as [CanonicalField, string][]) {
    // A constant condition is the last resort, after the conversation's tier tag (lib/imports/normalize.ts).
    if (field !== "condition" && isAbsent(values[field])) values[field] = value;
  }
  let labels = aliases.labels;
  if (mapping.labels) {
    labels = {};
    for (const [name, path] of Object.entries(mapping.labels.fields)) {
      const value = valueAt(record, path, variables);
      if (isAbsent(value)) unmatched.push(`labels.${name} ← ${path}`);
      const mapped = isAbsent(value) || typeof value === "object" ? undefined : mapping.labels.values?.[name]?.[String(value)];
      labels[name] = mapped ?? value;
      used.add(topKey(path));
    }
    if (mapping.labels.source && isAbsent(values.label_source)) values.label_source = mapping.labels.source;
  }
  return { ok: true, resolved: [{ where, values, sources, labels, ignored: ignoredKeys(record, used), unmatched }] };
}

/** Several paths for one field: texts joined in order, scratchpad blocks listed in order, any other field takes the first. */
function combine(field: CanonicalField, found: unknown[]): unknown {
  if (found.length === 1) return found[0];
  if (field === "scratchpad") return found.flatMap((value) => (Array.isArray(value) ? value : [value]));
  if (JOINED_FIELDS.has(field)) return found.map((value) => (typeof value === "string" ? value : JSON.stringify(value))).join("\n\n");
  return found[0];
}

function ignoredKeys(record: Record<string, unknown>, used: Set<string>): string[] {
  return Object.keys(record).filter((key) => !used.has(key));
}
