import "server-only";

export { isDatabaseUnavailable } from "./unavailable-error";
import { isDatabaseUnavailable } from "./unavailable-error";

export type Loaded<T> = { ok: true; data: T } | { ok: false };

/** Runs a query for a page; unreachable database → `{ ok: false }`, anything else rethrows. */
export async function loadFromDatabase<T>(query: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await query() };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.warn("Database unavailable:", (error as Error).message);
    return { ok: false };
  }
}
