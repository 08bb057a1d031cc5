import type { LabelValues } from "@/lib/annotations/values";
import { exportConsensus, type ConsensusCell, type ConsensusMethod, type LabelConsensus } from "./consensus";
import type { SplitName } from "./request";

/**
 * One exported transcript. Field names avoid the import's aliases for other
 * fields (lib/imports/fields.ts): an export read by `npm run import` gives
 * back its transcripts (`messages`, `condition`, `query`, `setting`,
 * `variation`, `model`, `sample_index` are what the importer reads).
 *
 * Span offsets: `start`/`end` count Unicode code points into the exported
 * `scratchpad_text` (Python's str indices: `text[start:end]`), end exclusive;
 * `start_utf16`/`end_utf16` count UTF-16 code units (JavaScript's
 * `text.slice(start, end)`), as the app stores them. Both give exactly `text`.
 */
export interface ExportSpan {
  label: string;
  field: "scratchpad_text";
  start: number;
  end: number;
  start_utf16: number;
  end_utf16: number;
  text: string;
}

export interface ExportAnnotation {
  annotator: string;
  schema_version: number;
  values: LabelValues;
  note: string;
  submitted_at: string;
  spans: ExportSpan[];
}

export interface ExportRow {
  transcript_id: number;
  pair_id: number;
  query_id: number;
  sample_index: number;
  split: SplitName;
  dataset: string;
  setting: string;
  variation: string;
  model: string;
  condition: "training" | "deployment";
  query: string;
  scratchpad_text: string;
  final_output: string | null;
  consensus_label: string;
  consensus_method: ConsensusMethod;
  agreement: number | null;
  /** Per label key: the consensus value (null when undecided), how it was reached, how many annotators, their votes. */
  consensus: Record<string, LabelConsensus>;
  /** The label schema version of the annotations (the highest, if they differ); null when unlabelled. Not `label_schema_version`: the importer reads `label_*` columns as labels. */
  schema_version: number | null;
  annotations: ExportAnnotation[];
  imported_labels: { source: string; name: string; value: string }[] | null;
  /** The conversation as stored, JSON text (verbatim). */
  messages: string;
}

/** A row as pass 2 (rows-sql.ts) returns it. */
export interface RawExportRow {
  id: number;
  pair_id: number;
  query_id: number;
  sample_index: number;
  condition: "training" | "deployment";
  dataset: string;
  setting: string;
  variation: string;
  model: string;
  query: string;
  scratchpad_text: string;
  final_output: string | null;
  messages: string;
  imported_labels: [string, string, string][] | null;
  annotations:
    | {
        annotator_id: string;
        schema_version: number;
        values: LabelValues;
        note: string;
        submitted_at: string;
        spans: [string, string, number, number, string][];
      }[]
    | null;
  consensus: Record<string, ConsensusCell> | null;
}

/** UTF-16 offsets -> code point offsets, for a batch of offsets into one text (one walk). */
export function codePointOffsets(text: string, utf16Offsets: readonly number[]): Map<number, number> {
  const wanted = [...new Set(utf16Offsets)].sort((a, b) => a - b);
  const result = new Map<number, number>();
  let codePoints = 0;
  let unit = 0;
  for (const offset of wanted) {
    while (unit < offset && unit < text.length) {
      const code = text.charCodeAt(unit);
      unit += code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length ? 2 : 1;
      codePoints++;
    }
    result.set(offset, codePoints);
  }
  return result;
}

export interface RowContext {
  splitOf: (queryId: number) => SplitName;
  annotatorName: (userId: string) => string;
  /** Whether imported labels were asked for: [] then means "none", null "not exported". */
  importedLabels: boolean;
}

export function buildExportRow(raw: RawExportRow, context: RowContext): ExportRow {
  const annotations = raw.annotations ?? [];
  const consensus = exportConsensus(raw.consensus);
  const offsets = codePointOffsets(
    raw.scratchpad_text,
    annotations.flatMap((a) => a.spans.flatMap(([, , start, end]) => [start, end])),
  );
  return {
    transcript_id: raw.id,
    pair_id: raw.pair_id,
    query_id: raw.query_id,
    sample_index: raw.sample_index,
    split: context.splitOf(raw.query_id),
    dataset: raw.dataset,
    setting: raw.setting,
    variation: raw.variation,
    model: raw.model,
    condition: raw.condition,
    query: raw.query,
    scratchpad_text: raw.scratchpad_text,
    final_output: raw.final_output,
    consensus_label: consensus.label,
    consensus_method: consensus.method,
    agreement: consensus.agreement,
    consensus: consensus.labels,
    schema_version: annotations.length ? Math.max(...annotations.map((a) => a.schema_version)) : null,
    annotations: annotations.map((a) => ({
      annotator: context.annotatorName(a.annotator_id),
      schema_version: a.schema_version,
      values: a.values,
      note: a.note,
      submitted_at: a.submitted_at,
      spans: a.spans.map(([label, , start, end, text]) => ({
        label,
        field: "scratchpad_text",
        start: offsets.get(start)!,
        end: offsets.get(end)!,
        start_utf16: start,
        end_utf16: end,
        text,
      })),
    })),
    imported_labels: raw.imported_labels?.map(([source, name, value]) => ({ source, name, value })) ?? (context.importedLabels ? [] : null),
    messages: raw.messages,
  };
}
