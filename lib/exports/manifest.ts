import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { ExportRequest, SplitName } from "./request";

/** manifest.json: everything needed to know what an export holds and to check it arrived whole. */
export interface SplitCounts {
  total: number;
  by_condition: { training: number; deployment: number };
  /** Transcripts per consensus label (the verdict, or undecided / unlabelled). */
  by_label: Record<string, number>;
}

export interface ExportFile {
  path: string;
  split: SplitName;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  manifest_version: 1;
  app: { name: string; version: string };
  created_at: string;
  /** Format, filters, split ratios, seed, options: what was asked. */
  request: ExportRequest;
  counts: { total: number; splits: Record<SplitName, SplitCounts> };
  /** The label schema versions the exported annotations were made under, with their label definitions. */
  label_schemas: { version: number; labels: unknown }[];
  files: ExportFile[];
}

export async function fileDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return { bytes: (await stat(file)).size, sha256: hash.digest("hex") };
}

export async function writeManifest(directory: string, manifest: Manifest) {
  await writeFile(path.join(directory, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
}
