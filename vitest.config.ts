import { defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
};

// Two projects: pure code runs anywhere; `*.db.test.ts` files run against a
// real embedded PostgreSQL started once by the global setup, each worker on a
// database of its own (lib/db/test-global-setup.ts).
export default defineConfig({
  resolve: { alias },
  test: {
    // At least two files at a time, even on CI's two cores (Vitest's default there is one): database tests spend
    // most of their time waiting on PostgreSQL, servers and child processes, not on the CPU. Both projects share
    // this count (Vitest runs projects with the same count side by side).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    // The default output, then every skipped test by name (a fresh clone skips those needing ../shared/data).
    reporters: ["default", "./lib/testing/skipped-reporter.ts"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "node_modules/**"],
          // The corpus and parser property tests are CPU-bound: on a busy 2-core
          // machine they outlast Vitest's 5 s default without being stuck.
          testTimeout: 90_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["lib/**/*.db.test.ts", "prisma/**/*.db.test.ts", "scripts/**/*.db.test.ts", "bench/**/*.db.test.ts"],
          globalSetup: ["./lib/db/test-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Workers and servers log JSON lines (lib/log/logger.ts); tests want only the warnings.
          env: { LOG_LEVEL: "warn" },
        },
      },
    ],
  },
});
