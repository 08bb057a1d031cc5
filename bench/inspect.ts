import { rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeEvalLog, writeJsonLog } from "@/lib/imports/testing/inspect-logs";
import { AF_SYSTEM_PROMPT, demoSamples } from "@/lib/imports/testing/inspect-samples";
import { report } from "./report";
import { runNpmScript } from "./run-script";

/** Inspect logs are one model's run: 10,000 samples is a large one. Bigger sizes are capped there. */
const MAX_SAMPLES = 10_000;

/**
 * import.inspect_eval / import.inspect_json: `npm run import` of a generated
 * alignment-faking Inspect log (lib/imports/testing/inspect-logs.ts) of
 * min(size, 10,000) samples, as an .eval zip and as a .json document, with the
 * importing process's peak memory (flat: one sample in memory at a time).
 */
export async function benchInspect(databaseUrl: string, size: number) {
  const samples = Math.min(size, MAX_SAMPLES);
  const spec = { task: "alignment_faking_helpful_only", samples };
  for (const container of ["eval", "json"] as const) {
    const file = path.join(os.tmpdir(), `af-bench-inspect-${process.pid}.${container}`);
    try {
      const write = container === "eval" ? writeEvalLog : writeJsonLog;
      await write(file, { ...spec, model: `bench-inspect-${container}` }, AF_SYSTEM_PROMPT, demoSamples(samples));
      const { summary, peakRssMb } = await runNpmScript<{ imported: number; failed: number; files: { seconds: number }[] }>(
        "import",
        [file, "--dataset", `bench-inspect-${container}`],
        databaseUrl,
      );
      if (summary.imported !== samples)
        throw new Error(`the import stored ${summary.imported} of ${samples} samples (${summary.failed} failed)`);
      const seconds = summary.files[0].seconds;
      const fileMb = Math.round(statSync(file).size / 1024 / 1024);
      report({
        name: `import.inspect_${container}`,
        value: samples / seconds,
        unit: "samples/s",
        baseline: null,
        ratio: null,
        size: samples,
        seconds,
        file_mb: fileMb,
      });
      report({ name: `import.inspect_${container}_peak_rss`, value: peakRssMb, unit: "MB", baseline: null, ratio: null, size: samples });
    } finally {
      rmSync(file, { force: true });
    }
  }
}
