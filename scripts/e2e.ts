import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { ensureChromium } from "./lib/chromium";

// End-to-end tests: a real browser against the production build.
const require = createRequire(import.meta.url);
const run = (bin: string, args: string[]) => {
  const result = spawnSync(process.execPath, [require.resolve(bin), ...args], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

try {
  ensureChromium();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// E2E_PREBUILT=1: the production build in .next was just made from this tree; skip the rebuild.
if (process.env.E2E_PREBUILT !== "1") run("next/dist/bin/next", ["build"]);
run("@playwright/test/cli", ["test", ...process.argv.slice(2)]);
