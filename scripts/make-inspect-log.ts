/**
 * Writes an alignment-faking-shaped Inspect AI log for tests and benchmarks:
 *   npx tsx scripts/make-inspect-log.ts --out run.eval [--size 10000] [--from ../shared/data/llama31-70b-tier-prefill.jsonl]
 * The container follows the extension (.eval: zip, .json: one document); samples come
 * from the demo corpus, or from a shared transcript file with --from.
 */
import { parseArgs } from "node:util";
import { writeEvalLog, writeJsonLog } from "@/lib/imports/testing/inspect-logs";
import { AF_SYSTEM_PROMPT, demoSamples, sharedSamples } from "@/lib/imports/testing/inspect-samples";

const { values } = parseArgs({
  options: { out: { type: "string" }, size: { type: "string", default: "1000" }, from: { type: "string" }, model: { type: "string" } },
});
if (!values.out || !/\.(eval|json)$/.test(values.out)) {
  console.error("usage: tsx scripts/make-inspect-log.ts --out FILE.eval|FILE.json [--size N] [--from SHARED.jsonl] [--model NAME]");
  process.exit(2);
}
const size = Number(values.size);
const samples = values.from ? [...sharedSamples(values.from)] : demoSamples(size);
const count = Array.isArray(samples) ? samples.length : size;
const spec = { task: "alignment_faking_helpful_only", model: values.model ?? "anthropic/claude-3-opus-20240229", samples: count };
const write = values.out.endsWith(".eval") ? writeEvalLog : writeJsonLog;
await write(values.out, spec, AF_SYSTEM_PROMPT, samples);
console.error(`Wrote ${values.out}: ${count} samples`);
