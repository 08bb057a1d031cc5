import type pg from "pg";
import type { TouchedVariation } from "./registry";
import { slugify } from "./slug";

/** A system prompt given with the import (a file), for one variation or, without `variation`, for all the import's variations. */
export interface SystemPromptRequest {
  variation?: string;
  text: string;
  /** Where it came from, for notices: the file name. */
  from: string;
}

/**
 * Stores the import's system prompts on its variations, inside the import's
 * transaction. A prompt given explicitly replaces what is there (the user
 * asked for it); a prompt carried by records only fills an empty one. Every
 * case where something was not stored, or was replaced, becomes a notice.
 */
export async function applySystemPrompts(
  client: pg.ClientBase,
  touched: TouchedVariation[],
  requests: SystemPromptRequest[],
): Promise<string[]> {
  const notices: string[] = [];
  const used = new Set<SystemPromptRequest>();
  for (const variation of touched) {
    const explicit =
      requests.find((r) => r.variation !== undefined && slugify(r.variation) === variation.slug) ??
      requests.find((r) => r.variation === undefined);
    const wanted = explicit?.text ?? variation.systemPrompt;
    if (explicit) used.add(explicit);
    if (variation.conflictingPrompts && !explicit)
      notices.push(
        `Records gave different system prompts for variation "${variation.name}": the first one is the variation's; each transcript keeps its own (shown on its page).`,
      );
    if (wanted === undefined) continue;
    const { rows } = await client.query<{ system_prompt: string | null }>(`SELECT system_prompt FROM prompt_variations WHERE id = $1`, [
      variation.id,
    ]);
    const current = rows[0]?.system_prompt ?? null;
    if (current === wanted) continue;
    if (current !== null && !explicit) {
      notices.push(
        `Variation "${variation.name}" already has a different system prompt; it was kept, and each transcript of this import keeps the prompt its record gave (shown on its page).`,
      );
      continue;
    }
    if (current !== null) notices.push(`Replaced the system prompt of variation "${variation.name}" with ${explicit!.from}.`);
    await client.query(`UPDATE prompt_variations SET system_prompt = $2 WHERE id = $1`, [variation.id, wanted]);
  }
  for (const request of requests) {
    if (!used.has(request))
      notices.push(`No variation "${request.variation ?? "(any)"}" in this import; the system prompt from ${request.from} was not stored.`);
  }
  return notices;
}
