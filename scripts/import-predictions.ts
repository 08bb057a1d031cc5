import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "@/lib/db/open-database";
import { importPredictions, PREDICTION_FORMATS, type PredictionFormat } from "@/lib/judges/imported";
import { JUDGE_LABEL_KEYS, judgeLabelKeySchema } from "@/lib/judges/labels";
import { commandLine, type Usage } from "./lib/arguments";
import { exitWithError } from "./lib/exit";

const USAGE = `Usage: npx tsx scripts/import-predictions.ts FILE --judge NAME --label ${JUDGE_LABEL_KEYS.join("|")}
                       [--format ${PREDICTION_FORMATS.join("|")}] [--threshold 0.5]
A classifier's predictions (JSON lines or CSV: transcript_id or content_hash, score and/or label, reason)
stored as a run of the imported judge NAME (created when new), all or nothing (docs/judges.md).
Prints one JSON line: {"ok": true, "judgeId": N, "runId": N, "imported": N} or {"ok": false, "errors": [{"line", "field", "message"}]}.
Exit status 1 when the file was refused, 2 on bad arguments.`;

const cli = commandLine(USAGE, {
  judge: { type: "string" },
  label: { type: "string" },
  format: { type: "string" },
  threshold: { type: "string" },
});
const { values, files } = cli;
const usage: Usage = cli.usage;
const [file] = files({ single: true });
if (!values.judge?.trim()) usage("--judge NAME is required (the classifier's name).");
const label = judgeLabelKeySchema.safeParse(values.label);
if (!label.success) usage(`--label must be one of ${JUDGE_LABEL_KEYS.join(", ")}, got "${values.label ?? ""}".`);
if (values.format !== undefined && !(PREDICTION_FORMATS as readonly string[]).includes(values.format))
  usage(`--format must be one of ${PREDICTION_FORMATS.join(", ")}, got "${values.format}".`);
const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
  usage(`--threshold must be a number between 0 and 1, got "${values.threshold}".`);

const database = await openDatabase("dev", { shareRunning: true }).catch(exitWithError);
const client = new pg.Client({ connectionString: database.url });
try {
  await client.connect();
  const outcome = await importPredictions(client, {
    judgeName: values.judge!,
    labelKey: label.data!,
    fileName: path.basename(file),
    text: readFileSync(file, "utf8"),
    createdById: null,
    format: values.format as PredictionFormat | undefined,
    threshold,
  });
  if (outcome.ok) console.log(JSON.stringify({ ok: true, judgeId: outcome.judgeId, runId: outcome.runId, imported: outcome.imported }));
  else {
    console.error(outcome.message);
    console.log(JSON.stringify({ ok: false, errors: outcome.errors }));
  }
  await client.end();
  await database.stop();
  process.exit(outcome.ok ? 0 : 1);
} catch (error) {
  await client.end().catch(() => {});
  await database.stop();
  exitWithError(error);
}
