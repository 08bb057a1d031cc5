import { createReadStream } from "node:fs";
import { isRecordField } from "./fields";
import { detectFormat, type ImportFormat } from "./formats";
import { parseMapping, type Mapping } from "./mapping";
import { MappingMisses } from "./mapping-misses";
import { normalizeRecord, type RecordError } from "./normalize";
import { resolveRecord } from "./resolve";
import { DEFAULT_MAX_RECORD_BYTES, readRecords } from "./readers";
import { readHead } from "./source-file";

/** The first records of a file exactly as the import would store them: what the import page shows before anything is written. */
export interface PreviewRecord {
  line: number;
  where?: string;
  setting: string;
  variation: string;
  model: string;
  condition: "training" | "deployment";
  query: string;
  sampleIndex: number | null;
  scratchpad: string;
  output: string | null;
  formatIssues: string[];
  labels: { source: string; name: string; value: string }[];
  defaulted: string[];
  /** The API shape the record was recognised as ("anthropic-messages", ...), if any. */
  shape?: string;
}

export interface Preview {
  format: ImportFormat | null;
  /** Why this format (detected), or why none could be chosen. */
  formatNote: string;
  records: PreviewRecord[];
  errors: RecordError[];
  /** Source fields nothing reads: a hint that a mapping may be needed. */
  ignoredFields: string[];
  /** The first record as the file has it (long strings cut), to write a mapping against. */
  sample: string | null;
  /** The mapping's paths that matched nothing in the records previewed: likely typos, shown before the import starts. */
  unmatchedPaths: string[];
  /** Every field path of the records previewed ("scores.Free_Tier_Baseline"), offered as choices in the mapping editor. */
  fieldPaths: string[];
  /** Settings, variations and models of the records scanned for the registry plan (lib/imports/registry-plan.ts). */
  names: { settings: string[]; variations: [string, string][]; models: string[] };
  /** How many records that scan read, and whether that was the whole file. */
  scanned: { records: number; complete: boolean };
  /** At least one record could be read as a transcript. */
  recognized: boolean;
  mappingErrors: string[];
}

const RECORDS = 5;
const MAX_PATHS = 500;
/** Records read for the registry plan (names only past the first RECORDS). */
const PLAN_ITEMS = 2_000;
const MAX_DEPTH = 6;

/** Dot paths of a record's fields, down to the leaves (array elements by index, only the first three). */
function collectPaths(value: unknown, prefix: string, into: Set<string>, depth = 0) {
  if (into.size >= MAX_PATHS || typeof value !== "object" || value === null || depth > MAX_DEPTH) return;
  const entries = Array.isArray(value) ? value.slice(0, 3).map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, child] of entries) {
    const path = prefix ? `${prefix}.${key}` : key;
    into.add(path);
    collectPaths(child, path, into, depth + 1);
  }
}
const MAX_ITEMS = 200; // give up looking for good records after this many bad ones
const excerpt = (text: string, length: number) => (text.length > length ? text.slice(0, length) + "…" : text);

export interface PreviewOptions {
  format?: ImportFormat;
  mappingText?: string;
}

export async function previewFile(filePath: string, fileName: string, options: PreviewOptions): Promise<Preview> {
  let mapping: Mapping | undefined;
  const mappingErrors: string[] = [];
  if (options.mappingText?.trim()) {
    const parsed = parseMapping(options.mappingText);
    if (parsed.ok) mapping = parsed.mapping;
    else mappingErrors.push(...parsed.errors);
  }
  const chosen = options.format ?? mapping?.format;
  const detection = chosen ? null : detectFormat(fileName, await readHead(filePath));
  const format = chosen ?? (detection?.ok ? detection.format : null);
  const formatNote = chosen ? "chosen" : detection!.ok ? `detected: ${detection!.reason}` : detection!.error;
  const preview: Preview = {
    format,
    formatNote,
    records: [],
    errors: [],
    ignoredFields: [],
    sample: null,
    recognized: false,
    mappingErrors,
    unmatchedPaths: [],
    fieldPaths: [],
    names: { settings: [], variations: [], models: [] },
    scanned: { records: 0, complete: false },
  };
  const settings = new Set<string>();
  const variations = new Map<string, [string, string]>();
  const models = new Set<string>();
  const misses = new MappingMisses();
  const paths = new Set<string>();
  if (!format) return preview;

  const ignored = new Set<string>();
  const stream = createReadStream(filePath, { highWaterMark: 256 * 1024 });
  let items = 0;
  try {
    for await (const item of readRecords(stream, format, { maxRecordBytes: DEFAULT_MAX_RECORD_BYTES, isRecordField, filePath })) {
      if (++items > PLAN_ITEMS) break;
      preview.scanned.records = items;
      const previewing = items <= MAX_ITEMS && preview.records.length < RECORDS;
      if ("error" in item) {
        if (previewing) preview.errors.push({ line: item.line, field: item.field, message: item.error });
        continue;
      }
      if (!previewing) {
        // Past the preview: only the names the file would create or join.
        for (const t of normalizeRecord(item.line, item.record, item.group, { mapping, defaultLabelSource: fileName }).transcripts) {
          settings.add(t.setting);
          variations.set(`${t.setting}\u0000${t.variation}`, [t.setting, t.variation]);
          models.add(t.model);
        }
        continue;
      }
      collectPaths(item.record, "", paths);
      preview.sample ??= JSON.stringify(item.record, (_key, value) => (typeof value === "string" ? excerpt(value, 160) : value), 2);
      const normalized = normalizeRecord(item.line, item.record, item.group, { mapping, defaultLabelSource: fileName });
      // Paths are checked on every record previewed, also those that could not become a transcript (often because of the path).
      if (mapping) {
        const resolution = resolveRecord(item.record, item.group, mapping);
        if (resolution.ok) resolution.resolved.forEach((r) => misses.count(r.unmatched));
      }
      preview.errors.push(...normalized.errors);
      for (const t of normalized.transcripts) {
        settings.add(t.setting);
        variations.set(`${t.setting}\u0000${t.variation}`, [t.setting, t.variation]);
        models.add(t.model);
      }
      for (const t of normalized.transcripts.slice(0, RECORDS - preview.records.length)) {
        t.ignored.forEach((key) => ignored.add(key));
        preview.records.push({
          line: t.line,
          where: t.where,
          setting: t.setting,
          variation: t.variation,
          model: t.model,
          condition: t.condition,
          query: excerpt(t.queryText, 300),
          sampleIndex: t.sampleIndex,
          scratchpad: excerpt(t.parsed.scratchpads.join("\n\n"), 600),
          output: t.parsed.finalOutput === null ? null : excerpt(t.parsed.finalOutput, 400),
          formatIssues: t.parsed.formatIssues,
          labels: t.sourceLabels,
          defaulted: t.defaulted,
          shape: t.shape,
        });
      }
    }
    preview.scanned.complete = items <= PLAN_ITEMS;
  } finally {
    stream.destroy();
  }
  preview.names = { settings: [...settings], variations: [...variations.values()], models: [...models] };
  preview.recognized = preview.records.length > 0;
  preview.unmatchedPaths = misses.neverMatched;
  preview.fieldPaths = [...paths].slice(0, MAX_PATHS);
  preview.ignoredFields = [...ignored];
  return preview;
}
