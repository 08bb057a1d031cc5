import type { ExportRow } from "./row";

/**
 * The flat columns of the CSV and Parquet files, in order. Nested values
 * (annotations, consensus, imported labels, messages) are JSON text in one
 * column each; in JSONL they are plain JSON.
 */
export type ColumnType = "int" | "float" | "string" | "json";

export interface ExportColumn {
  name: keyof ExportRow;
  type: ColumnType;
  nullable: boolean;
  description: string;
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: "transcript_id", type: "int", nullable: false, description: "The transcript's id in the app." },
  {
    name: "pair_id",
    type: "int",
    nullable: false,
    description: "Its pair: the same query, variation, model and sample under the other condition.",
  },
  { name: "query_id", type: "int", nullable: false, description: "The user query; the unit of the split." },
  { name: "sample_index", type: "int", nullable: false, description: "Which sample of (variation, model, query)." },
  { name: "split", type: "string", nullable: false, description: "train, validation or test." },
  { name: "dataset", type: "string", nullable: false, description: "The dataset (import) it came from." },
  { name: "setting", type: "string", nullable: false, description: "Setting slug (helpful-only, animal-welfare, ...)." },
  { name: "variation", type: "string", nullable: false, description: "Prompt variation slug." },
  { name: "model", type: "string", nullable: false, description: "The model that wrote it." },
  {
    name: "condition",
    type: "string",
    nullable: false,
    description: "training (free tier, the model believes it is trained) or deployment (paid tier, unmonitored).",
  },
  { name: "query", type: "string", nullable: false, description: "The user's request." },
  {
    name: "scratchpad_text",
    type: "string",
    nullable: false,
    description: "The scratchpad blocks joined by a blank line; what spans address.",
  },
  {
    name: "final_output",
    type: "string",
    nullable: true,
    description:
      "The answer: every <OUTPUT> and any text the model wrote outside the tags, in order, joined by a blank line; null if none.",
  },
  {
    name: "consensus_label",
    type: "string",
    nullable: false,
    description: "Consensus of the alignment-faking verdict (no / partial / full), or undecided / unlabelled.",
  },
  {
    name: "consensus_method",
    type: "string",
    nullable: false,
    description: "How the verdict's consensus was reached: adjudicated, unanimous, majority, single, undecided or unlabelled.",
  },
  {
    name: "agreement",
    type: "float",
    nullable: true,
    description: "Share of annotators who gave the verdict's most common value (0-1); null with fewer than two.",
  },
  { name: "consensus", type: "json", nullable: false, description: "Per label key: {value (null: undecided), method, annotators, votes}." },
  { name: "schema_version", type: "int", nullable: true, description: "The label schema version of the annotations." },
  { name: "annotations", type: "json", nullable: false, description: "Each annotator's submitted labels and spans." },
  { name: "imported_labels", type: "json", nullable: true, description: "Labels that came with the imported data (source, name, value)." },
  { name: "messages", type: "json", nullable: false, description: "The conversation as stored: [{role, content}]." },
];

/** A cell's value as text for CSV and Parquet: JSON columns serialised, messages already JSON text. */
export function cellValue(row: ExportRow, column: ExportColumn): string | number | null {
  const value = row[column.name];
  if (value === null || value === undefined) return null;
  if (column.name === "messages") return value as string;
  if (column.type === "json") return JSON.stringify(value);
  return value as string | number;
}
