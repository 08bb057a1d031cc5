import "server-only";
import { db } from "@/lib/db/client";

/**
 * Scratchpad texts for span validation on save. Transcripts are never edited
 * once imported, so a text can be kept; the cache holds the most recently
 * used few thousand (a few KB each).
 */
const MAX_ENTRIES = 4_000;
const cache = new Map<number, string>();

/** The transcript's scratchpad_text, or null if there is no such transcript. */
export async function getScratchpadText(transcriptId: number): Promise<string | null> {
  const hit = cache.get(transcriptId);
  if (hit !== undefined) {
    cache.delete(transcriptId); // move to the back: most recently used
    cache.set(transcriptId, hit);
    return hit;
  }
  const row = await db().transcript.findUnique({ where: { id: transcriptId }, select: { scratchpadText: true } });
  if (!row) return null;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(transcriptId, row.scratchpadText);
  return row.scratchpadText;
}
