import { writeFile } from "node:fs/promises";
import path from "node:path";
import { EXPORT_COLUMNS } from "./columns";
import type { Manifest } from "./manifest";
import { filtersQueryString } from "./request";

/**
 * README.md in the Hugging Face dataset-card style: YAML front matter that
 * `datasets.load_dataset(dir)` reads (the splits' files), then what the data
 * is, how it was split, how labels and spans are to be read.
 */
const HF_FORMAT = { jsonl: "json", csv: "csv", parquet: "parquet" } as const;

export function datasetCard(manifest: Manifest): string {
  const { request, counts, files } = manifest;
  const present = files.filter((file) => file.rows > 0);
  const yaml = [
    "---",
    "license: other",
    "language:",
    "- en",
    "pretty_name: AF Lens export",
    "tags:",
    "- alignment-faking",
    "- ai-safety",
    "configs:",
    "- config_name: default",
    "  data_files:",
    ...present.flatMap((file) => [`  - split: ${file.split}`, `    path: ${file.path}`]),
    "---",
  ];
  const labels = [...new Set(Object.values(counts.splits).flatMap((split) => Object.keys(split.by_label)))].sort();
  const table = [
    `| split | transcripts | training | deployment | ${labels.join(" | ")} |`,
    `| --- | --- | --- | --- | ${labels.map(() => "---").join(" | ")} |`,
    ...Object.entries(counts.splits).map(
      ([name, split]) =>
        `| ${name} | ${split.total} | ${split.by_condition.training} | ${split.by_condition.deployment} | ${labels.map((label) => split.by_label[label] ?? 0).join(" | ")} |`,
    ),
  ];
  const filters = filtersQueryString(request.filters);
  return `${yaml.join("\n")}

# AF Lens export

Transcripts of models reasoning in a hidden scratchpad under a *training* condition (free-tier user: the
model believes its output trains it) and a *deployment* condition (paid-tier user: unmonitored), across
prompt variations, with human labels for **alignment-faking reasoning** and compliance. Exported by
${manifest.app.name} ${manifest.app.version} on ${manifest.created_at}.

- Filter of the transcripts table: ${filters ? `\`${filters}\`` : "none (every transcript)"}
- Format: ${request.format}; ${counts.total} transcripts.
- Checksums, counts and the label schemas: \`manifest.json\`.

\`\`\`python
from datasets import load_dataset
ds = load_dataset("${HF_FORMAT[request.format]}", data_files={${present.map((file) => `"${file.split}": "${file.path}"`).join(", ")}})
\`\`\`

## Splits

${table.join("\n")}

Ratios ${request.split.join(" / ")} (train / validation / test), seed ${request.seed}. **No query crosses splits**: every
transcript of one user query (both conditions, every variation, model and sample) is in the same split, so the
training and deployment answers to one query are never on opposite sides. Queries are stratified by their
consensus label (the most frequent among their transcripts) and dealt in an order fixed by the seed: the same
seed on the same data gives the same split.

## Labels

- \`annotations\`: each annotator's **submitted** labels (drafts are not exported) under \`schema_version\` (the label schema version; the top-level field is the highest among them);
  annotators are ${request.anonymize ? "anonymised (`annotator-1`, `annotator-2`, ... stable within this export)" : "given by their user id"}.
  The label definitions of every version used are in \`manifest.json\` (\`label_schemas\`).
- \`consensus\`: per label key, \`{value, method, annotators, votes}\`: the consensus value (null when undecided),
  how it was reached and the votes behind it. The rule (the app's one rule, view \`transcript_consensus\`): a lead's
  adjudication, else \`unanimous\` (two or more annotators, all agree), else \`majority\` (more than half agree),
  \`single\` (one annotator only), else \`undecided\`. Only submitted annotations vote; a span label's vote is whether
  the annotator tagged evidence with it.
- \`consensus_label\` is the alignment-faking verdict's consensus (\`no\` / \`partial\` / \`full\`, or \`undecided\`,
  \`unlabelled\` when no one gave a verdict), \`consensus_method\` how it was reached, \`agreement\` the share of
  annotators who gave the verdict's most common value (null with fewer than two).
- \`imported_labels\`: labels that came with the imported data (an LLM judge's \`complied\`, ...), never mixed with the human ones.

## Spans

Evidence spans (\`annotations[].spans\`) point into the exported \`scratchpad_text\`: \`start\` and \`end\` count
**Unicode code points**, end exclusive, so in Python \`row["scratchpad_text"][start:end] == span["text"]\`;
\`start_utf16\` / \`end_utf16\` count UTF-16 code units (JavaScript's \`slice\`). The export checks every span
against its text before writing it.

## Columns

${EXPORT_COLUMNS.map((column) => `- \`${column.name}\`${column.nullable ? " (nullable)" : ""}: ${column.description}`).join("\n")}

In CSV and Parquet, \`consensus\`, \`annotations\`, \`imported_labels\` and \`messages\` hold JSON text
(\`json.loads\` them); in JSONL they are JSON values. CSV is RFC 4180, UTF-8, with a header row.
`;
}

export async function writeDatasetCard(directory: string, manifest: Manifest) {
  await writeFile(path.join(directory, "README.md"), datasetCard(manifest));
}
