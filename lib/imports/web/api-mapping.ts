import "server-only";
import { invalid } from "@/lib/server/errors";
import { parseMapping } from "../mapping";
import { findMapping } from "../stored-mappings";

/**
 * The mapping of an API import: by name (`?mapping=NAME`, a saved or shipped
 * one, put on the queue as its text: the job needs nothing but its payload),
 * or as the request's `mapping` part; not both. Undefined without one.
 */
export async function apiMappingText(byName: string | undefined, part: string | undefined): Promise<string | undefined> {
  if (byName !== undefined && part !== undefined)
    throw invalid("Give the mapping once: by name (?mapping=) or as the mapping part, not both.");
  if (byName !== undefined) {
    const found = await findMapping(byName);
    if (!found.ok) throw invalid(found.message);
    return found.text;
  }
  if (part === undefined) return undefined;
  const parsed = parseMapping(part);
  if (!parsed.ok) throw invalid(`The mapping is not valid: ${parsed.errors.join("; ")}`);
  return part;
}
