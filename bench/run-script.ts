import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";

/**
 * Runs exactly what `npm run <name>` runs (its node flags included), plus the
 * probe that reports peak memory (bench/rss-probe.ts), with `args` after the
 * script. Returns the last line of its output, parsed as JSON, and that peak.
 */
export async function runNpmScript<Summary>(
  name: string,
  args: string[],
  databaseUrl: string,
): Promise<{ summary: Summary; peakRssMb: number }> {
  const script: string = JSON.parse(readFileSync("package.json", "utf8")).scripts[name];
  const [command, ...flags] = script.split(/\s+/);
  if (command !== "node") throw new Error(`expected the ${name} script to start with "node": ${script}`);
  const scriptIndex = flags.findIndex((flag) => flag.endsWith(".ts") && !flag.startsWith("-"));
  const nodeArgs = [...flags.slice(0, scriptIndex), "--import", "./bench/rss-probe.ts", ...flags.slice(scriptIndex), ...args];
  const child = spawn(process.execPath, nodeArgs, {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`npm run ${name} exited with ${code}:\n${stderr}`);
  const peak = /BENCH_PEAK_RSS_MB=(\d+)/.exec(stderr);
  return { summary: JSON.parse(stdout.trim().split("\n").at(-1)!) as Summary, peakRssMb: peak ? Number(peak[1]) : NaN };
}
