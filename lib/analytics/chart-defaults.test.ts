import { describe, expect, it } from "vitest";
import { emptyChartAdvice, resolveChartFilter } from "./chart-params";
import type { FilterOptions } from "./queries";

/** Two settings; an older judge labels both, a newer import labels only the second. */
const options: FilterOptions = {
  settings: [
    { id: 1, slug: "helpful-only", name: "Helpful-only" },
    { id: 2, slug: "animal-welfare", name: "Animal welfare" },
  ],
  models: [],
  datasets: [],
  sources: [
    { source: "aa new import", names: ["complied"] },
    { source: "judge", names: ["alignment_faking", "complied"] },
  ],
  annotators: [],
  consensus: 0,
  coverage: [
    { source: "aa new import", settingId: 2, n: 40 },
    { source: "judge", settingId: 1, n: 10 },
    { source: "judge", settingId: 2, n: 5 },
  ],
};
const sourceOf = (result: ReturnType<typeof resolveChartFilter>) =>
  result.filter?.labelSource.kind === "source" ? result.filter.labelSource.source : null;

describe("the chart's defaults show data", () => {
  it("a source chosen alone opens in the setting it labels, not the first setting", () => {
    const result = resolveChartFilter({ source: "aa new import" }, options);
    expect(result.filter?.settingId).toBe(2);
    expect(sourceOf(result)).toBe("aa new import");
  });

  it("a setting chosen alone opens with the source that labels most of it", () => {
    expect(sourceOf(resolveChartFilter({ setting: "helpful-only" }, options))).toBe("judge");
    expect(sourceOf(resolveChartFilter({ setting: "animal-welfare" }, options))).toBe("aa new import");
  });

  it("nothing chosen: the first setting with data, and its best source", () => {
    const result = resolveChartFilter({}, options);
    expect(result.filter?.settingId).toBe(1);
    expect(sourceOf(result)).toBe("judge");
  });

  it("a choice without data is kept, and the advice says why and what has data", () => {
    const result = resolveChartFilter({ setting: "helpful-only", source: "aa new import" }, options);
    expect(result.filter?.settingId).toBe(1);
    const advice = emptyChartAdvice(result.filter!, options);
    expect(advice.reason).toBe("No transcript of the setting “Helpful-only” has pairs labelled by “aa new import”.");
    expect(advice.settings).toEqual([{ slug: "animal-welfare", name: "Animal welfare", n: 40 }]);
    expect(advice.sources).toEqual([{ source: "judge", n: 10 }]);
  });
});
