import "vitest";

// What the global setup hands every database test through `inject(...)`.
declare module "vitest" {
  export interface ProvidedContext {
    /**
     * One database per Vitest worker, all cloned from the same migrated template: `databaseUrls[n - 1]` is worker n's
     * (VITEST_POOL_ID). Tests read theirs with `testDatabaseUrl()` (lib/testing/database-url.ts).
     */
    databaseUrls: string[];
  }
}
