import type pg from "pg";
import type { NormalizedTranscript } from "./normalize";
import { looksLikeBaseline, slugify } from "./slug";

export interface ResolvedSlot {
  settingId: number;
  variationId: number;
  modelId: number;
  settingSlug: string;
  variationSlug: string;
}

export interface TouchedVariation {
  id: number;
  name: string;
  slug: string;
  settingName: string;
  /** The first system prompt a record of this import gave for it. */
  systemPrompt?: string;
  /** Records gave more than one different system prompt. */
  conflictingPrompts: boolean;
}

/**
 * Settings, variations and models by name, created on first sight inside the
 * import's transaction (so a rolled-back import leaves none behind). Settings
 * and variations match by slug; models by exact name, as sources spell them.
 */
export class ImportRegistry {
  private readonly settings = new Map<string, number>();
  private readonly variations = new Map<string, TouchedVariation>();
  private readonly models = new Map<string, number>();

  constructor(private readonly client: pg.ClientBase) {}

  get touched(): TouchedVariation[] {
    return [...this.variations.values()];
  }

  async resolve(transcript: NormalizedTranscript): Promise<ResolvedSlot> {
    const settingSlug = slugify(transcript.setting);
    const settingId = this.settings.get(settingSlug) ?? (await this.ensureSetting(settingSlug, transcript.setting));
    const variationSlug = slugify(transcript.variation);
    const key = `${settingId}/${variationSlug}`;
    const variation = this.variations.get(key) ?? (await this.ensureVariation(key, settingId, variationSlug, transcript));
    if (transcript.systemPrompt !== undefined) {
      if (variation.systemPrompt === undefined) variation.systemPrompt = transcript.systemPrompt;
      else if (variation.systemPrompt !== transcript.systemPrompt) variation.conflictingPrompts = true;
    }
    const modelId = this.models.get(transcript.model) ?? (await this.ensureModel(transcript.model));
    return { settingId, variationId: variation.id, modelId, settingSlug, variationSlug };
  }

  private async ensureSetting(slug: string, name: string): Promise<number> {
    const { rows } = await this.client.query<{ id: number }>(
      `INSERT INTO settings (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`,
      [slug, name.trim()],
    );
    this.settings.set(slug, rows[0].id);
    return rows[0].id;
  }

  private async ensureVariation(key: string, settingId: number, slug: string, transcript: NormalizedTranscript): Promise<TouchedVariation> {
    // The diff on a variation's page needs a baseline; a variation called "default" or "... baseline" in a setting without one is it.
    const { rows } = await this.client.query<{ id: number; name: string }>(
      `INSERT INTO prompt_variations (setting_id, slug, name, is_baseline, position)
       SELECT $1, $2, $3,
              $4 AND NOT EXISTS (SELECT 1 FROM prompt_variations WHERE setting_id = $1 AND is_baseline),
              COALESCE((SELECT max(position) + 1 FROM prompt_variations WHERE setting_id = $1), 0)
       ON CONFLICT (setting_id, slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id, name`,
      [settingId, slug, transcript.variation.trim(), looksLikeBaseline(slug)],
    );
    const variation: TouchedVariation = {
      id: rows[0].id,
      name: rows[0].name,
      slug,
      settingName: transcript.setting,
      conflictingPrompts: false,
    };
    this.variations.set(key, variation);
    return variation;
  }

  private async ensureModel(name: string): Promise<number> {
    const { rows } = await this.client.query<{ id: number }>(
      `INSERT INTO models (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [name],
    );
    this.models.set(name, rows[0].id);
    return rows[0].id;
  }
}
