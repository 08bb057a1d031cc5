import { z } from "zod";
import type { JobKind } from "./define";
import { exportJob } from "@/lib/exports/export-job";
import { importJob } from "@/lib/imports/web/import-job";
import { labelSignaturesJob } from "@/lib/analytics/label-signatures-job";

/**
 * Every kind of background job, in one place. To add one (the judges issue
 * will): write its JobKind with defineJobKind (payload schema, concurrency,
 * attempts, handler) beside the domain code, and list it here.
 */
export const JOB_KINDS = {
  import: importJob,
  export: exportJob,
  "label-signatures": labelSignaturesJob,
};

export type JobKindName = keyof typeof JOB_KINDS;
export const JOB_KIND_NAMES = Object.keys(JOB_KINDS) as JobKindName[];
export const jobKindSchema = z.enum(JOB_KIND_NAMES as [JobKindName, ...JobKindName[]]);

export type PayloadOf<K extends JobKindName> = z.input<(typeof JOB_KINDS)[K]["payload"]>;

export function jobKind(name: string): JobKind<unknown, unknown> | null {
  return name in JOB_KINDS ? (JOB_KINDS[name as JobKindName] as unknown as JobKind<unknown, unknown>) : null;
}
