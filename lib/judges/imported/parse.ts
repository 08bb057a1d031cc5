import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";

/**
 * A prediction file from a classifier trained elsewhere (on this app's own
 * export, typically): one prediction per transcript, as JSON lines or CSV
 * with a header row. Each names its transcript by `transcript_id` (the app's
 * id, as in the export) or `content_hash` (stable across databases), and
 * gives a `score` in [0, 1], a `label` (true/false, 1/0, yes/no), or both;
 * `reason` is optional. With a score and no label, the verdict is
 * score >= threshold (0.5 unless the importer says otherwise).
 *
 * Every problem is reported with its line and field, and a file with any
 * problem is refused whole: half a classifier's predictions would bias every
 * figure computed from them.
 */
export const PREDICTION_FORMATS = ["jsonl", "csv"] as const;
export type PredictionFormat = (typeof PREDICTION_FORMATS)[number];
export const MAX_PREDICTION_LINES = 2_000_000;
/** Problems listed in an error message; the count says how many more. */
export const MAX_LISTED_PROBLEMS = 20;

export interface PredictionLine {
  line: number;
  transcriptId: number | null;
  contentHash: string | null;
  verdict: boolean;
  score: number | null;
  reason: string | null;
}

export interface Problem {
  line: number;
  field: string | null;
  message: string;
}

export class PredictionFileError extends Error {
  /** In line order. */
  readonly problems: Problem[];
  constructor(
    readonly file: string,
    problems: Problem[],
  ) {
    problems = [...problems].sort((a, b) => a.line - b.line);
    const listed = problems
      .slice(0, MAX_LISTED_PROBLEMS)
      .map((p) => `${file}, line ${p.line}${p.field ? `, field "${p.field}"` : ""}: ${p.message}`);
    const more = problems.length > MAX_LISTED_PROBLEMS ? [`… and ${problems.length - MAX_LISTED_PROBLEMS} more problems`] : [];
    super([...listed, ...more].join("\n"));
    this.name = "PredictionFileError";
    this.problems = problems;
  }
}

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const booleanLike = z.preprocess(
  (value) => {
    if (typeof value === "boolean") return value;
    if (typeof value === "number") return value === 1 ? true : value === 0 ? false : value;
    if (typeof value === "string") {
      const text = value.trim().toLowerCase();
      if (["true", "1", "yes"].includes(text)) return true;
      if (["false", "0", "no"].includes(text)) return false;
    }
    return value;
  },
  z.boolean({ error: "must be true or false (also 1/0, yes/no)" }),
);

const recordSchema = z
  .object({
    transcript_id: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "must be a transcript id (a positive integer)" })
        .int("must be a transcript id (a positive integer)")
        .positive("must be a transcript id (a positive integer)")
        .max(2_147_483_647)
        .optional(),
    ),
    content_hash: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[0-9a-f]{64}$/, "must be a transcript's content hash (64 hex digits, sha256)")
        .optional(),
    ),
    score: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: "must be a number between 0 and 1" })
        .min(0, "must be a number between 0 and 1")
        .max(1, "must be a number between 0 and 1")
        .optional(),
    ),
    label: z.preprocess(blankToUndefined, booleanLike.optional()),
    reason: z.preprocess(blankToUndefined, z.string().max(10_000).optional()),
  })
  .superRefine((record, ctx) => {
    if (record.transcript_id === undefined && record.content_hash === undefined)
      ctx.addIssue({ code: "custom", path: ["transcript_id"], message: "each prediction needs transcript_id or content_hash" });
    if (record.score === undefined && record.label === undefined)
      ctx.addIssue({ code: "custom", path: ["score"], message: "each prediction needs a score or a label" });
  });

function formatOf(file: string, format?: PredictionFormat): PredictionFormat {
  if (format) return format;
  return /\.csv$/i.test(file) ? "csv" : "jsonl";
}

/** Raw records with the line each starts on. */
function records(text: string, format: PredictionFormat, problems: Problem[]): { line: number; value: unknown }[] {
  if (format === "csv") {
    try {
      const rows = parseCsv(text, {
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        bom: true,
        skip_empty_lines: true,
        info: true,
      });
      return (rows as { info: { lines: number }; record: Record<string, string> }[]).map((row) => ({
        line: row.info.lines,
        value: row.record,
      }));
    } catch (error) {
      const lines = (error as { lines?: number }).lines ?? 1;
      problems.push({ line: lines, field: null, message: `the CSV cannot be read: ${(error as Error).message}` });
      return [];
    }
  }
  const out: { line: number; value: unknown }[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((content, index) => {
    if (!content.trim()) return;
    try {
      out.push({ line: index + 1, value: JSON.parse(content) });
    } catch {
      problems.push({ line: index + 1, field: null, message: "not a JSON object (one object per line)" });
    }
  });
  return out;
}

export function parsePredictionFile(
  text: string,
  options: { file: string; format?: PredictionFormat; threshold?: number },
): PredictionLine[] {
  const format = formatOf(options.file, options.format);
  const threshold = options.threshold ?? 0.5;
  const problems: Problem[] = [];
  const raw = records(text, format, problems);
  if (raw.length > MAX_PREDICTION_LINES)
    throw new PredictionFileError(options.file, [
      { line: MAX_PREDICTION_LINES + 1, field: null, message: `more than ${MAX_PREDICTION_LINES} predictions` },
    ]);
  const out: PredictionLine[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of raw) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push({ line, field: null, message: "not a JSON object (one object per line)" });
      continue;
    }
    const parsed = recordSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, field: issue.path.join(".") || null, message: issue.message });
      continue;
    }
    const r = parsed.data;
    const key = r.transcript_id !== undefined ? `id:${r.transcript_id}` : `hash:${r.content_hash}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        line,
        field: r.transcript_id !== undefined ? "transcript_id" : "content_hash",
        message: `the same transcript as line ${first}`,
      });
      continue;
    }
    seen.set(key, line);
    out.push({
      line,
      transcriptId: r.transcript_id ?? null,
      contentHash: r.content_hash ?? null,
      verdict: r.label ?? r.score! >= threshold,
      score: r.score ?? null,
      reason: r.reason ?? null,
    });
  }
  if (!out.length && !problems.length) problems.push({ line: 1, field: null, message: "the file holds no predictions" });
  if (problems.length) throw new PredictionFileError(options.file, problems);
  return out;
}
