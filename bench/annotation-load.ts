import { spanFromStoredRange } from "@/lib/annotations/doc";
import type { SaveParams } from "@/lib/annotations/save-sql";
import { DEFAULT_LABELS } from "@/lib/annotations/default-schema";
import type { LabelValues, SpanInput } from "@/lib/annotations/values";

/**
 * What one simulated annotator saves: realistic bodies (labels of the paper's
 * schema, a note now and then, 1-3 spans on real scratchpad text).
 */
export interface Target {
  transcriptId: number;
  scratchpad: string;
  version: number;
}

/** A small deterministic generator, so every run saves the same kind of payloads. */
export function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const SPAN_KEYS = DEFAULT_LABELS.filter((label) => label.kind === "span").map((label) => label.key);

export function payload(target: Target, next: () => number): Omit<SaveParams, "transcriptId" | "annotatorId" | "expectedVersion"> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const values: LabelValues = {
    af_verdict: pick(["no", "partial", "full"]),
    compliance: 1 + Math.floor(next() * 4),
    unmonitored_unmasking: next() < 0.5,
  };
  if (next() < 0.3) values.generic_self_preservation = next() < 0.5;
  const spans: SpanInput[] = [];
  const count = 1 + Math.floor(next() * 3);
  for (let attempt = 0; spans.length < count && attempt < 10; attempt++) {
    const length = 20 + Math.floor(next() * 100);
    const start = Math.floor(next() * Math.max(1, target.scratchpad.length - length));
    const span = spanFromStoredRange(target.scratchpad, start, start + length, pick(SPAN_KEYS));
    if (span && !spans.some((other) => other.labelKey === span.labelKey && other.start === span.start && other.end === span.end))
      spans.push(span);
  }
  return { schemaVersion: 1, values, note: next() < 0.2 ? "Hedges before complying; see span." : "", spans, submit: next() < 0.5 };
}

export interface Stats {
  p50: number;
  p95: number;
  p99: number;
  count: number;
  errors: number;
  rps: number;
  errorSamples: string[];
}

export function summarise(latencies: number[], errors: number, seconds: number, errorSamples: string[]): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    count: latencies.length,
    errors,
    rps: latencies.length / seconds,
    errorSamples: errorSamples.slice(0, 5),
  };
}

/** Runs `workers` loops until `seconds` have passed; each loop calls `once` and records its latency in ms. */
export async function runLoops(
  workers: number,
  seconds: number,
  once: (worker: number) => Promise<true | string>,
  thinkMs: (worker: number) => number = () => 0,
): Promise<Stats> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        let outcome: true | string;
        try {
          outcome = await once(worker);
        } catch (error) {
          outcome = (error as Error).message;
        }
        if (outcome === true) latencies.push(performance.now() - t0);
        else {
          errors++;
          errorSamples.push(outcome);
        }
        const pause = thinkMs(worker);
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000, errorSamples);
}
