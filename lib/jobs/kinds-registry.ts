import type { z } from "zod";
import type { JobKind } from "./define";
import { JOB_KIND_NAMES, jobKindSchema, type JobKindName } from "./kind-names";
import { exportJob } from "@/lib/exports/export-job";
import { importJob } from "@/lib/imports/web/import-job";
import { labelSignaturesJob } from "@/lib/analytics/label-signatures-job";
import { judgeRunJob } from "@/lib/judges/run/judge-run-job";

/**
 * Every kind of background job, in one place. To add one (the judges issue
 * will): write its JobKind with defineJobKind (payload schema, concurrency,
 * attempts, handler) beside the domain code, name it in ./kind-names.ts and
 * list it here.
 */
export const JOB_KINDS = {
  import: importJob,
  export: exportJob,
  "label-signatures": labelSignaturesJob,
  "judge-run": judgeRunJob,
} satisfies Record<JobKindName, unknown>;
// Every kind has a name in ./kind-names.ts, and every name a kind.
const _sameNames: keyof typeof JOB_KINDS extends JobKindName ? (JobKindName extends keyof typeof JOB_KINDS ? true : never) : never = true;
void _sameNames;

export { JOB_KIND_NAMES, jobKindSchema, type JobKindName };

export type PayloadOf<K extends JobKindName> = z.input<(typeof JOB_KINDS)[K]["payload"]>;

export function jobKind(name: string): JobKind<unknown, unknown> | null {
  return name in JOB_KINDS ? (JOB_KINDS[name as JobKindName] as unknown as JobKind<unknown, unknown>) : null;
}
