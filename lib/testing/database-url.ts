import { inject } from "vitest";

import "./provided-context";

/**
 * The database this test file works on: its worker's own (lib/db/test-global-setup.ts), so two files running at
 * the same time never see each other's rows, locks or job queue. Files that run one after another in one worker
 * share it, as all files once shared one database: each still arranges and removes only its own rows.
 */
export function testDatabaseUrl(): string {
  const urls = inject("databaseUrls");
  const poolId = Number(process.env.VITEST_POOL_ID ?? "1");
  const url = urls[poolId - 1];
  if (!url) throw new Error(`No test database for Vitest worker ${poolId} (the global setup made ${urls.length}).`);
  return url;
}
