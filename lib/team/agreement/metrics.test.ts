import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohensKappa } from "./cohen";
import { fleissKappa, fleissKappaFromCounts } from "./fleiss";
import { krippendorffsAlpha } from "./krippendorff";
import { pairOverlapF1, spanOverlapF1 } from "./span-f1";
import { itemByItem, type Rating, type VotePattern } from "./types";

/** The 2x2 contingency table of [rater 1, rater 2]: both yes, 1 yes 2 no, 1 no 2 yes, both no. */
function twoByTwo(yesYes: number, yesNo: number, noYes: number, noNo: number): VotePattern[] {
  return [
    { votes: ["yes", "yes"], count: yesYes },
    { votes: ["yes", "no"], count: yesNo },
    { votes: ["no", "yes"], count: noYes },
    { votes: ["no", "no"], count: noNo },
  ];
}

describe("Cohen's kappa", () => {
  it("equals the textbook example (Wikipedia, 'Cohen's kappa': 50 grant proposals, p_o 0.7, p_e 0.5, kappa 0.4)", () => {
    expect(cohensKappa(twoByTwo(20, 5, 10, 15))).toEqual({ value: expect.closeTo(0.4, 10), items: 50 });
  });

  it("equals the 'same agreement, different kappa' examples (0.1304 and 0.2593)", () => {
    expect(cohensKappa(twoByTwo(45, 15, 25, 15)).value).toBeCloseTo(0.1304, 4);
    expect(cohensKappa(twoByTwo(25, 35, 5, 35)).value).toBeCloseTo(0.2593, 4);
  });

  it("is undefined when chance agreement is total, and 1 for perfect agreement", () => {
    expect(cohensKappa(twoByTwo(5, 0, 0, 0)).value).toBeNull();
    expect(cohensKappa(twoByTwo(3, 0, 0, 4)).value).toBe(1);
    expect(cohensKappa([])).toEqual({ value: null, items: 0 });
  });
});

describe("Fleiss' kappa", () => {
  // Wikipedia, "Fleiss' kappa", worked example: 14 raters, 10 subjects, 5 categories; P-bar 0.378, P_e 0.213, kappa 0.210.
  const table = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];

  it("equals the published worked example (kappa 0.210)", () => {
    const result = fleissKappaFromCounts(table);
    expect(result.items).toBe(10);
    expect(result.value).toBeCloseTo(0.21, 3);
  });

  it("refuses items with different numbers of ratings", () => {
    expect(() =>
      fleissKappa(
        itemByItem([
          ["a", "b"],
          ["a", "b", "c"],
        ]),
      ),
    ).toThrow();
  });
});

describe("Krippendorff's alpha", () => {
  it("equals Krippendorff (2011) example A: two observers, binary data (alpha 0.095)", () => {
    const observer1 = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const observer2 = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const result = krippendorffsAlpha(itemByItem(observer1.map((value, i) => [value, observer2[i]])), "nominal");
    expect(result.value).toBeCloseTo(0.095, 3);
    expect(result.items).toBe(10);
  });

  // Krippendorff (2011) example C: four observers, 12 units, missing values (null).
  // Published: nominal 0.743, interval 0.849 (ordinal 0.815 and ratio 0.797 as the R irr package's kripp.alpha reports for the same data).
  const observers: (number | null)[][] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  const units = itemByItem(observers[0].map((_, unit) => observers.flatMap((row) => (row[unit] === null ? [] : [row[unit]!]))));

  it("equals example C: several observers with missing data (nominal 0.743, ordinal 0.815, interval 0.849)", () => {
    expect(krippendorffsAlpha(units, "nominal")).toEqual({ value: expect.closeTo(0.743, 3), items: 11 });
    expect(krippendorffsAlpha(units, "ordinal").value).toBeCloseTo(0.815, 3);
    expect(krippendorffsAlpha(units, "interval").value).toBeCloseTo(0.849, 3);
  });

  it("is undefined without variation or without pairable units", () => {
    expect(
      krippendorffsAlpha(
        itemByItem([
          ["a", "a"],
          ["a", "a"],
        ]),
      ).value,
    ).toBeNull();
    expect(krippendorffsAlpha(itemByItem([["a"], ["b"]]))).toEqual({ value: null, items: 0 });
  });
});

describe("span overlap F1", () => {
  it("counts the characters both annotators covered", () => {
    expect(pairOverlapF1([{ start: 0, end: 10 }], [{ start: 5, end: 15 }])).toBeCloseTo((2 * 5) / 20, 10);
    expect(
      pairOverlapF1(
        [
          { start: 0, end: 4 },
          { start: 2, end: 6 },
        ],
        [{ start: 0, end: 6 }],
      ),
    ).toBe(1); // overlapping spans merge
    expect(pairOverlapF1([{ start: 0, end: 4 }], [])).toBe(0);
    expect(pairOverlapF1([], [])).toBeNull();
  });

  it("micro-averages over items and annotator pairs, leaving out pairs with nothing tagged", () => {
    const result = spanOverlapF1([
      [[{ start: 0, end: 10 }], [{ start: 0, end: 10 }]], // 20 of 20
      [[{ start: 0, end: 10 }], [{ start: 10, end: 20 }]], // 0 of 20
      [[], []], // no information
    ]);
    expect(result).toEqual({ value: 0.5, items: 2 });
  });
});

describe("from vote patterns", () => {
  // What the agreement page relies on: PostgreSQL collapses identical items into one pattern with a count,
  // and every coefficient must come out as it does item by item.
  const vote = fc.constantFrom<Rating>("no", "partial", "full", 1, 2, 3, 4, true, false);
  const collapse = (units: Rating[][]): VotePattern[] => {
    const byVotes = new Map<string, VotePattern>();
    for (const votes of units) {
      const key = JSON.stringify(votes);
      const pattern = byVotes.get(key);
      byVotes.set(key, { votes, count: (pattern?.count ?? 0) + 1 });
    }
    return [...byVotes.values()];
  };
  const same = (a: { value: number | null; items: number }, b: { value: number | null; items: number }) => {
    expect(a.items).toBe(b.items);
    if (a.value === null || b.value === null) expect(a.value).toBe(b.value);
    else expect(a.value).toBeCloseTo(b.value, 12);
  };

  it("give Cohen's, Fleiss' kappa and Krippendorff's alpha equal to the item-by-item computation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((m) => fc.array(fc.array(vote, { minLength: m, maxLength: m }), { maxLength: 40 })),
        fc.array(fc.array(vote, { minLength: 1, maxLength: 5 }), { maxLength: 40 }),
        (sameSize, anySize) => {
          same(fleissKappa(collapse(sameSize)), fleissKappa(itemByItem(sameSize)));
          for (const metric of ["nominal", "ordinal", "interval"] as const) {
            const numeric = anySize.map((unit) => unit.map((v) => (typeof v === "number" ? v : String(v).length)));
            same(krippendorffsAlpha(collapse(numeric), metric), krippendorffsAlpha(itemByItem(numeric), metric));
          }
          same(krippendorffsAlpha(collapse(anySize)), krippendorffsAlpha(itemByItem(anySize)));
          const pairs = sameSize.filter((unit) => unit.length === 2);
          same(cohensKappa(collapse(pairs)), cohensKappa(itemByItem(pairs)));
        },
      ),
    );
  });
});
