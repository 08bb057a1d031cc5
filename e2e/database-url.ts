import path from "node:path";

/** Where the e2e server writes the URL of its database, for tests that check what was stored. */
export const E2E_DATABASE_URL_FILE = path.resolve(import.meta.dirname, "../.data/e2e-database-url");
