// The npm registry mirror these machines use serves only the Linux builds of
// platform-specific packages (Next's SWC, Tailwind's oxide). `npm install` then
// leaves the other platforms' optional packages out of package-lock.json, and
// `npm ci` refuses such a lock ("Missing: ... from lock file"). This adds the
// entries npm would have written: optional, with their os/cpu, so every
// machine skips them exactly as it would with a complete lock.
// Run after changing dependencies: `npm run lockfile:stubs`.
import { readFileSync, writeFileSync } from "node:fs";

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "sunos", "aix"];
const CPU = ["arm64", "x64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "wasm32", "mips64el"];
const OS_ALIASES = { win32: "win32", windows: "win32", macos: "darwin" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((part) => OS.includes(part) || OS_ALIASES[part]);
  const cpu = parts.find((part) => CPU.includes(part));
  if (!cpu) return undefined;
  return { os: os ? [OS_ALIASES[os] ?? os] : undefined, cpu: [cpu] };
}

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const added = [];
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    lock.packages[key] = {
      version: spec,
      ...(platform.cpu && { cpu: platform.cpu }),
      optional: true,
      ...(platform.os && { os: platform.os }),
    };
    added.push(`${name}@${spec} (needed by ${location || "the project"})`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(added.length ? `Added ${added.length} platform stubs:\n  ${added.join("\n  ")}` : "Lock file already complete.");
