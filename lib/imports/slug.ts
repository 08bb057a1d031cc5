/**
 * A URL- and key-safe form of a name researchers typed: "scratchpad prefill:
 * baseline" → "scratchpad-prefill-baseline". Settings and variations are
 * matched by slug, so "Helpful-only" and "helpful only" are the same setting.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "unnamed";
}

/** A new setting's variation named like this becomes the setting's baseline (if it has none yet). */
export function looksLikeBaseline(slug: string): boolean {
  return /(^|-)(default|baseline)$/.test(slug);
}
