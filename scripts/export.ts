import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@/lib/db/open-database";
import { EXPORT_FORMATS, exportRequestSchema, fromTableQuery, parseSplitArgument } from "@/lib/exports/request";
import { runExport } from "@/lib/exports/run-export";
import { exitWithError } from "./lib/exit";
import { leadScope } from "@/lib/transcripts/list-scope";

const USAGE = `Usage: npm run export -- [--format ${EXPORT_FORMATS.join("|")}] [--out DIR] [--split 0.8,0.1,0.1] [--seed N]
                       [--no-anonymize] [--no-imported-labels] [filters]
Filters, as in the transcripts table: --setting ID --variation ID --model ID --dataset ID
  --condition training|deployment --label "source|name|value"... --status unlabelled|labelled
  --human key:value... --consensus key:value|key:@method... --q "search words", or --table "<the table's URL or query string>".
Writes DIR/data/<split>.<format>, DIR/manifest.json and DIR/README.md (a dataset card);
prints the manifest's counts and files as one JSON line. Exit status 2 on bad arguments.`;

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    format: { type: "string", default: "jsonl" },
    out: { type: "string" },
    split: { type: "string", default: "0.8,0.1,0.1" },
    seed: { type: "string", default: "1" },
    "no-anonymize": { type: "boolean", default: false },
    "no-imported-labels": { type: "boolean", default: false },
    setting: { type: "string" },
    variation: { type: "string" },
    model: { type: "string" },
    dataset: { type: "string" },
    condition: { type: "string" },
    label: { type: "string", multiple: true },
    status: { type: "string" },
    human: { type: "string", multiple: true },
    consensus: { type: "string", multiple: true },
    q: { type: "string" },
    table: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
const fromTable = values.table
  ? fromTableQuery(new URLSearchParams(values.table.includes("?") ? values.table.slice(values.table.indexOf("?") + 1) : values.table))
  : {};
const filters = Object.fromEntries(
  Object.entries({
    ...fromTable,
    setting: number(values.setting) ?? fromTable.setting,
    variation: number(values.variation) ?? fromTable.variation,
    model: number(values.model) ?? fromTable.model,
    dataset: number(values.dataset) ?? fromTable.dataset,
    condition: values.condition ?? fromTable.condition,
    label: values.label ?? fromTable.label,
    status: values.status ?? fromTable.status,
    human: values.human ?? fromTable.human,
    consensus: values.consensus ?? fromTable.consensus,
    q: values.q ?? fromTable.q,
  }).filter(([, value]) => value !== undefined),
);
if (filters.status === "todo" || filters.status === "mine")
  usage(`--status ${filters.status} means "by me": the command line has no user. Use unlabelled or labelled.`);
const parsed = exportRequestSchema.safeParse({
  format: values.format,
  filters,
  split: parseSplitArgument(values.split),
  seed: Number(values.seed),
  anonymize: !values["no-anonymize"],
  importedLabels: !values["no-imported-labels"],
});
if (!parsed.success)
  usage(
    parsed.error.issues
      .map((issue) => `--${String(issue.path[0] === "filters" ? issue.path[1] : issue.path[0])}: ${issue.message}`)
      .join("\n"),
  );

const out = path.resolve(values.out ?? `export-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-")}`);
await mkdir(out, { recursive: true });
if ((await readdir(out)).length) usage(`${out} is not empty: give an empty or new directory with --out.`);

const database = await openDatabase("dev", { shareRunning: true }).catch(exitWithError);
try {
  const started = performance.now();
  let last = 0;
  const { manifest } = await runExport(database.url, parsed.data, out, leadScope(), {
    onPlanned: (total) => console.error(`${total.toLocaleString("en")} transcripts match; writing ${parsed.data.format} to ${out}`),
    onProgress: (done, total) => {
      if (performance.now() - last < 2_000 && done !== total) return;
      last = performance.now();
      console.error(`${done.toLocaleString("en")} / ${total.toLocaleString("en")}`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      directory: out,
      total: manifest.counts.total,
      splits: Object.fromEntries(Object.entries(manifest.counts.splits).map(([name, split]) => [name, split.total])),
      files: manifest.files,
      seconds: Math.round(seconds * 10) / 10,
    }),
  );
} catch (error) {
  exitWithError(error);
} finally {
  await database.stop();
}
