import { EmbeddedPostgresError } from "@/lib/db/embedded/errors";

/** Print an expected problem as one clear line; anything else with its stack. */
export function exitWithError(error: unknown): never {
  if (error instanceof EmbeddedPostgresError) console.error(`\n${error.message}\n`);
  else console.error(error);
  process.exit(1);
}
