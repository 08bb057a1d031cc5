import "server-only";
import { db } from "@/lib/db/client";

export interface VariationRow {
  id: number;
  name: string;
  slug: string;
  isBaseline: boolean;
  hasSystemPrompt: boolean;
  training: number;
  deployment: number;
}

export interface SettingVariations {
  id: number;
  name: string;
  variations: VariationRow[];
}

/** Every setting with its variations in registry order, their transcript counts, and whether a system prompt is stored (not the text). */
export async function listVariations(): Promise<SettingVariations[]> {
  const rows = await db().$queryRaw<
    {
      setting_id: number;
      setting: string;
      id: number;
      name: string;
      slug: string;
      is_baseline: boolean;
      has_prompt: boolean;
      training: bigint;
      deployment: bigint;
    }[]
  >`
    SELECT s.id AS setting_id, s.name AS setting, v.id, v.name, v.slug, v.is_baseline, v.system_prompt IS NOT NULL AS has_prompt,
           coalesce(c.training, 0) AS training, coalesce(c.deployment, 0) AS deployment
      FROM prompt_variations v
      JOIN settings s ON s.id = v.setting_id
      LEFT JOIN (
        SELECT variation_id, count(*) FILTER (WHERE condition = 'training') AS training, count(*) FILTER (WHERE condition = 'deployment') AS deployment
          FROM transcripts GROUP BY variation_id
      ) c ON c.variation_id = v.id
     ORDER BY s.id, v.position, v.id`;
  const settings = new Map<number, SettingVariations>();
  for (const row of rows) {
    const setting = settings.get(row.setting_id) ?? { id: row.setting_id, name: row.setting, variations: [] };
    settings.set(row.setting_id, setting);
    setting.variations.push({
      id: row.id,
      name: row.name,
      slug: row.slug,
      isBaseline: row.is_baseline,
      hasSystemPrompt: row.has_prompt,
      training: Number(row.training),
      deployment: Number(row.deployment),
    });
  }
  return [...settings.values()];
}

/** One variation with its system prompt and its setting's baseline prompt, for the diff. */
export async function getVariation(id: number) {
  const variation = await db().promptVariation.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      systemPrompt: true,
      isBaseline: true,
      setting: { select: { id: true, name: true } },
    },
  });
  if (!variation) return null;
  const [baseline, counts] = await Promise.all([
    variation.isBaseline
      ? null
      : db().promptVariation.findFirst({
          where: { settingId: variation.setting.id, isBaseline: true },
          select: { id: true, name: true, systemPrompt: true },
        }),
    db().transcript.groupBy({ by: ["condition"], where: { variationId: id }, _count: { _all: true } }),
  ]);
  const count = (condition: string) => counts.find((c) => c.condition === condition)?._count._all ?? 0;
  return { ...variation, baseline, training: count("training"), deployment: count("deployment") };
}
