import { JOB_KINDS, jobKindSchema, type JobKindName } from "./kinds-registry";

export type Concurrency = Record<JobKindName, number>;

/**
 * Jobs one worker process runs at once, per kind: the kinds' defaults,
 * overridden by `JOB_CONCURRENCY` (e.g. `export=2,import=1`; 0 leaves a kind to
 * other workers, so a machine can run only exports).
 */
export function parseConcurrency(text: string | undefined): Concurrency {
  const result = Object.fromEntries(Object.values(JOB_KINDS).map((kind) => [kind.name, kind.concurrency])) as Concurrency;
  for (const part of (text ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z-]+)=(\d+)$/.exec(part);
    if (!match) throw new Error(`JOB_CONCURRENCY: "${part}" is not kind=number (e.g. export=2).`);
    const kind = jobKindSchema.safeParse(match[1]);
    if (!kind.success)
      throw new Error(`JOB_CONCURRENCY: there is no job kind "${match[1]}" (kinds: ${Object.keys(JOB_KINDS).join(", ")}).`);
    const n = Number(match[2]);
    if (n > 32) throw new Error(`JOB_CONCURRENCY: ${match[1]}=${n} is more than 32.`);
    result[kind.data] = n;
  }
  return result;
}
