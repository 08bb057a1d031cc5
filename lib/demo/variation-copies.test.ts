import { describe, expect, it } from "vitest";
import { demoCells } from "./generate";
import { DEMO_VARIATIONS } from "./registry";
import { copyOf, variationCopies } from "./variation-copies";

describe("spreading the demo corpus over more variations", () => {
  it("makes exactly the number asked for, every registry variation once as itself, slugs unique", () => {
    const copies = variationCopies(DEMO_VARIATIONS, 150);
    expect(copies).toHaveLength(150);
    expect(copies.filter((c) => c.copy === 0).map((c) => c.variation)).toEqual([...DEMO_VARIATIONS]);
    expect(new Set(copies.map((c) => `${c.variation.settingSlug}/${c.slug}`)).size).toBe(150);
    // As even as it can be: 150 over 27 is 5 or 6 each.
    const perVariation = DEMO_VARIATIONS.map((v) => copies.filter((c) => c.variation === v).length);
    expect(Math.max(...perVariation) - Math.min(...perVariation)).toBe(1);
    expect(variationCopies(DEMO_VARIATIONS, DEMO_VARIATIONS.length).every((c) => c.copy === 0)).toBe(true);
  });

  it("refuses fewer variations than the registry has", () => {
    expect(() => variationCopies(DEMO_VARIATIONS, 10)).toThrow(/at least 27/);
  });

  it("keeps both transcripts of a pair in one copy, and takes the copies in turn round after round", () => {
    const cells = demoCells().length;
    for (let pair = 0; pair < cells * 12; pair++) expect(copyOf(pair * 2, cells, 6)).toBe(copyOf(pair * 2 + 1, cells, 6));
    expect([0, 1, 2, 6, 7].map((round) => copyOf(round * cells * 2, cells, 6))).toEqual([0, 1, 2, 0, 1]);
  });
});
