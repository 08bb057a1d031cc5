import { z } from "zod";

/** The file formats the importer reads; no Node imports here, the import page uses this too. */
export const IMPORT_FORMATS = ["jsonl", "json", "csv", "native", "inspect"] as const;
export const importFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.infer<typeof importFormatSchema>;
