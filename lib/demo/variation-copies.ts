import type { DemoVariation } from "./registry";

/**
 * A demo corpus spread over more prompt variations than the registry's (the page benchmarks' corpus has 150,
 * as the paper's sweep would): each registry variation gets copies, the same prompt under another slug
 * (`<slug>~<k>`, copy 0 being the variation itself), and the generator's successive rounds over a cell take
 * its copies in turn. Both transcripts of a pair are of one round, so they stay in one copy.
 */
export interface VariationCopy {
  variation: DemoVariation;
  /** 0: the registry variation itself. */
  copy: number;
  slug: string;
}

/** How many copies each of `variations` gets so that there are `total` in all (the first ones one more). */
export function variationCopies(variations: readonly DemoVariation[], total: number): VariationCopy[] {
  if (!Number.isInteger(total) || total < variations.length) {
    throw new Error(`variations must be an integer of at least ${variations.length} (the registry's), got ${total}`);
  }
  const copies: VariationCopy[] = [];
  variations.forEach((variation, i) => {
    const count = Math.floor(total / variations.length) + (i < total % variations.length ? 1 : 0);
    for (let copy = 0; copy < count; copy++) copies.push({ variation, copy, slug: copySlug(variation.slug, copy) });
  });
  return copies;
}

export const copySlug = (slug: string, copy: number) => (copy === 0 ? slug : `${slug}~${copy}`);

/** The copy of its variation a transcript belongs to: the generator's round over its cell, modulo the copies. */
export function copyOf(transcriptIndex: number, cells: number, copiesOfVariation: number): number {
  const pair = Math.floor(transcriptIndex / 2);
  return Math.floor(pair / cells) % copiesOfVariation;
}
