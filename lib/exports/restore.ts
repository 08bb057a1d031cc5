import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { z } from "zod";
import { labelValueSchema } from "@/lib/annotations/values";
import { conditionSchema } from "@/lib/schemas";
import { readRecords } from "@/lib/imports/readers";
import { runImport, type ImportSummary } from "@/lib/imports/run-import";
import { slugify } from "@/lib/imports/slug";
import { textHash } from "@/lib/transcripts/content-hash";
import type { Manifest } from "./manifest";

/**
 * Loads an export (JSONL or CSV) back into a database: the transcripts
 * through the import engine (lib/imports, one import per data file), then
 * what the importer does not know: the annotations with their spans, the
 * label schema versions they were made under, and the imported labels.
 *
 * Annotators become users with the exported id (anonymised or not) and no
 * way to sign in (no password), so the labels keep an author. Every
 * transcript lands in one dataset (`dataset`): the importer takes one per file.
 */
export interface RestoreSummary {
  imports: ImportSummary[];
  annotations: number;
  spans: number;
  importedLabels: number;
}

export async function restoreExport(
  databaseUrl: string,
  directory: string,
  options: { dataset: string; createdBy: string },
): Promise<RestoreSummary> {
  const manifest = JSON.parse(await readFile(path.join(directory, "manifest.json"), "utf8")) as Manifest;
  const format = manifest.request.format;
  if (format === "parquet")
    throw new Error("Restoring reads JSONL or CSV exports (the import engine has no Parquet reader); export again with --format jsonl.");
  const imports: ImportSummary[] = [];
  for (const file of manifest.files.filter((f) => f.rows > 0)) {
    const summary = await runImport(databaseUrl, {
      filePath: path.join(directory, file.path),
      format,
      dataset: options.dataset,
      createdBy: options.createdBy,
      strict: true,
    });
    if (summary.status !== "succeeded")
      throw new Error(`Importing ${file.path} failed: ${summary.message ?? summary.errors.map((e) => e.message).join("; ")}`);
    imports.push(summary);
  }

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts = { annotations: 0, spans: 0, importedLabels: 0 };
  try {
    await client.query("BEGIN");
    for (const schema of manifest.label_schemas) {
      await client.query(
        `INSERT INTO label_schema_versions (version, labels, note) VALUES ($1, $2, 'Restored from an export.') ON CONFLICT (version) DO NOTHING`,
        [schema.version, JSON.stringify(schema.labels)],
      );
    }
    for (const file of manifest.files.filter((f) => f.rows > 0)) {
      const chunks = createReadStream(path.join(directory, file.path), { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
      for await (const item of readRecords(chunks, format, { maxRecordBytes: 64 * 1024 * 1024, isRecordField: () => true })) {
        if ("error" in item) throw new Error(`${file.path} line ${item.line}: ${item.error}`);
        const parsed = exportedRecordSchema.safeParse(item.record);
        if (!parsed.success)
          throw new Error(`${file.path} line ${item.line}: not an exported transcript: ${z.prettifyError(parsed.error)}`);
        await restoreLabels(client, parsed.data, counts);
      }
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return { imports, ...counts };
}

/** The fields restoring reads; in CSV every cell is text (JSON cells already parsed by the reader). */
const exportedSpanSchema = z.object({ label: z.string(), start_utf16: z.int().min(0), end_utf16: z.int().min(0), text: z.string() });
/** CSV cells hold JSON as text (JSONL holds the values themselves). */
const jsonCell = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && /^\s*[[{]/.test(value) ? JSON.parse(value) : value), schema);
const exportedRecordSchema = z.object({
  setting: z.string(),
  variation: z.string(),
  model: z.string(),
  condition: conditionSchema,
  sample_index: z.coerce.number().int().min(0),
  query: z.string(),
  annotations: jsonCell(
    z.array(
      z.object({
        annotator: z.string().min(1),
        schema_version: z.coerce.number().int().min(1),
        values: z.record(z.string(), labelValueSchema),
        note: z.string().default(""),
        submitted_at: z.string(),
        spans: z.array(exportedSpanSchema),
      }),
    ),
  ),
  imported_labels: jsonCell(z.array(z.object({ source: z.string(), name: z.string(), value: z.string() })))
    .nullable()
    .catch(null),
});
type ExportedRecord = z.infer<typeof exportedRecordSchema>;

async function restoreLabels(client: pg.Client, record: ExportedRecord, counts: Omit<RestoreSummary, "imports">) {
  const { rows } = await client.query<{ id: number }>(
    `SELECT t.id FROM transcripts t
       JOIN pairs p ON p.id = t.pair_id JOIN settings s ON s.id = t.setting_id JOIN prompt_variations v ON v.id = t.variation_id
       JOIN models m ON m.id = t.model_id JOIN queries q ON q.id = t.query_id
     WHERE s.slug = $1 AND v.slug = $2 AND m.name = $3 AND t.condition = $4::"Condition" AND p.sample_index = $5 AND q.text_hash = $6`,
    [slugify(record.setting), slugify(record.variation), record.model, record.condition, record.sample_index, textHash(record.query)],
  );
  if (rows.length !== 1)
    throw new Error(
      `No single transcript for ${record.setting} / ${record.variation} / ${record.model} / ${record.condition} / sample ${record.sample_index} after the import (found ${rows.length}).`,
    );
  const transcriptId = rows[0].id;
  for (const label of record.imported_labels ?? []) {
    const inserted = await client.query(
      `INSERT INTO source_labels (transcript_id, source, name, value) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [transcriptId, label.source, label.name, label.value],
    );
    counts.importedLabels += inserted.rowCount ?? 0;
  }
  for (const annotation of record.annotations) {
    await client.query(
      `INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $1, $2, 'annotator', now()) ON CONFLICT (id) DO NOTHING`,
      [annotation.annotator, `${annotation.annotator}@restored.invalid`],
    );
    const created = await client.query<{ id: number }>(
      `INSERT INTO annotations (transcript_id, annotator_id, schema_version, values, note, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (transcript_id, annotator_id) DO NOTHING RETURNING id`,
      [
        transcriptId,
        annotation.annotator,
        annotation.schema_version,
        JSON.stringify(annotation.values),
        annotation.note,
        annotation.submitted_at,
      ],
    );
    if (!created.rows[0]) continue; // restored before: keep what is there
    counts.annotations++;
    for (const span of annotation.spans) {
      await client.query(
        `INSERT INTO annotation_spans (annotation_id, label_key, field, start, "end", text) VALUES ($1, $2, 'scratchpad', $3, $4, $5)`,
        [created.rows[0].id, span.label, span.start_utf16, span.end_utf16, span.text],
      );
      counts.spans++;
    }
  }
}
