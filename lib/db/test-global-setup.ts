import type { TestProject } from "vitest/node";
import { watchForStuckQueries } from "@/lib/testing/stuck-query-watch";
import { openDatabase } from "./open-database";

import "@/lib/testing/provided-context";

/**
 * Database tests run against real PostgreSQL: a fresh embedded server, or,
 * when DATABASE_URL is set, a scratch database on that server dropped afterwards.
 */
export default async function setup(project: TestProject) {
  const database = await openDatabase("test", { fresh: true });
  project.provide("databaseUrl", database.url);
  const stopWatching = watchForStuckQueries(database.url);
  return async () => {
    await stopWatching();
    await database.stop();
  };
}
