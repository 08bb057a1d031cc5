import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/db/open-database";
import { importFormatSchema, IMPORT_FORMATS } from "@/lib/imports/formats";
import { parseMapping, type Mapping } from "@/lib/imports/mapping";
import { runImport, type ImportSummary } from "@/lib/imports/run-import";
import type { SystemPromptRequest } from "@/lib/imports/system-prompts";
import { commandLine, type Usage } from "./lib/arguments";
import { exitWithError } from "./lib/exit";
import { createProgressReporter } from "./lib/progress-bar";

const USAGE = `Usage: npm run import -- FILE... [--format ${IMPORT_FORMATS.join("|")}] [--map MAPPING.json] [--dataset NAME] [--strict]
                       [--system-prompt [VARIATION=]FILE]...
Each file is one import, all or nothing. Prints one JSON line at the end:
{"imported": N, "duplicates": N, "failed": N, "errors": [{"line": N, "message": "..."}], "files": [...]}
Exit status 1 when a file could not be imported (nothing importable, strict mode with errors), 2 on bad arguments.`;

const cli = commandLine(USAGE, {
  format: { type: "string" },
  map: { type: "string" },
  dataset: { type: "string" },
  strict: { type: "boolean", default: false },
  "system-prompt": { type: "string", multiple: true, default: [] },
});
const { values, files } = cli;
const usage: Usage = cli.usage;
const positionals = files();
const format = values.format === undefined ? undefined : importFormatSchema.safeParse(values.format);
if (format && !format.success) usage(`--format must be one of ${IMPORT_FORMATS.join(", ")}, got "${values.format}".`);

let mapping: Mapping | undefined;
if (values.map) {
  // A shipped example is found by its name too, as on the import page and in the API (?mapping=NAME).
  const shipped = path.join(import.meta.dirname, "../docs/import/mappings", `${values.map}.json`);
  const mapFile = existsSync(values.map) ? values.map : /^[\w.-]+$/.test(values.map) && existsSync(shipped) ? shipped : null;
  if (!mapFile) usage(`No such mapping file: ${values.map} (nor a shipped example of that name in docs/import/mappings/)`);
  const parsed = parseMapping(readFileSync(mapFile, "utf8"));
  if (!parsed.ok) usage(`The mapping ${values.map} is not valid:\n  ${parsed.errors.join("\n  ")}`);
  mapping = parsed.mapping;
}

/** "--system-prompt FILE" applies to every variation of the import; "VARIATION=FILE" to that one. */
const systemPrompts: SystemPromptRequest[] = values["system-prompt"].map((argument) => {
  const split = existsSync(argument) ? -1 : argument.indexOf("=");
  const file = split === -1 ? argument : argument.slice(split + 1);
  if (!existsSync(file)) usage(`No such system prompt file: ${file}`);
  return { variation: split === -1 ? undefined : argument.slice(0, split), text: readFileSync(file, "utf8"), from: path.basename(file) };
});

const database = await openDatabase("dev", { shareRunning: true }).catch(exitWithError);
const summaries: ImportSummary[] = [];
try {
  for (const file of positionals) {
    const progress = createProgressReporter(path.basename(file));
    const summary = await runImport(
      database.url,
      {
        filePath: file,
        format: format?.data,
        mapping,
        dataset: values.dataset,
        strict: values.strict,
        systemPrompts,
        createdBy: `cli:${os.userInfo().username}`,
      },
      { onProgress: progress.update },
    );
    progress.done();
    summaries.push(summary);
    const line = `${path.basename(file)}: import #${summary.importId} ${summary.status} — ${summary.imported} imported, ${summary.duplicates} duplicates, ${summary.failed} failed${summary.warningCount ? `, ${summary.warningCount} warnings` : ""}`;
    console.error([line, summary.message, ...summary.notices].filter(Boolean).join("\n  "));
  }
} finally {
  await database.stop();
}

const many = summaries.length > 1;
const total = (key: "imported" | "duplicates" | "failed") => summaries.reduce((sum, s) => sum + s[key], 0);
console.log(
  JSON.stringify({
    imported: total("imported"),
    duplicates: total("duplicates"),
    failed: total("failed"),
    errors: summaries.flatMap((s) =>
      s.errors.map((e) => ({
        ...(many ? { file: s.fileName } : {}),
        line: e.line,
        ...(e.field ? { field: e.field } : {}),
        message: e.message,
      })),
    ),
    errors_truncated: summaries.some((s) => s.failed > s.errors.length),
    warnings: summaries.flatMap((s) =>
      s.warnings.map((w) => ({
        ...(many ? { file: s.fileName } : {}),
        line: w.line,
        ...(w.field ? { field: w.field } : {}),
        message: w.message,
      })),
    ),
    files: summaries.map((s) => ({
      file: s.fileName,
      import_id: s.importId,
      status: s.status,
      format: s.format,
      dataset: s.dataset,
      sha256: s.fileHash,
      imported: s.imported,
      duplicates: s.duplicates,
      failed: s.failed,
      warnings: s.warningCount,
      labels: s.labels,
      seconds: s.durationMs / 1000,
      message: s.message,
      notices: s.notices,
    })),
  }),
);
process.exit(summaries.some((s) => s.status !== "succeeded") ? 1 : 0);
