import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createAccount } from "@/lib/auth/accounts";
import { standaloneAuth } from "@/lib/auth/standalone";

/** The production Next server the HTML benchmarks (pair, page) measure. */
export const BENCH_SECRET = "bench-secret-bench-secret-bench-secret-0123456789";
const require = createRequire(import.meta.url);
const nextBin = () => require.resolve("next/dist/bin/next");

export function buildNext() {
  // BENCH_NO_BUILD=1: reuse the build of the previous run (app code unchanged since).
  if (process.env.BENCH_NO_BUILD && existsSync(path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) return;
  const result = spawnSync(process.execPath, [nextBin(), "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("next build failed");
}

export async function startNext(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [nextBin(), "start", "--port", String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", BETTER_AUTH_SECRET: BENCH_SECRET, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stopNext(child);
  throw new Error(`next start did not answer on port ${port}`);
}

/** Stops the server and waits for it to exit, so that its connections are closed before the database stops. */
export async function stopNext(child: ChildProcess | null) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A session cookie for `email` (the account is created with `role` if it does not exist yet). */
export async function signedInCookie(
  databaseUrl: string,
  account: { email: string; name: string; role: "annotator" | "lead"; password: string },
): Promise<string> {
  const { auth, close } = standaloneAuth(databaseUrl, BENCH_SECRET);
  try {
    await createAccount(auth, account).catch(() => undefined); // exists from an earlier run
    const { headers } = await auth.api.signInEmail({ body: { email: account.email, password: account.password }, returnHeaders: true });
    return headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
  } finally {
    await close();
  }
}
