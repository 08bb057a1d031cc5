import { describe, expect, it } from "vitest";
import { PAPER_RATES } from "./paper-rates";
import { cellRates } from "./rates";
import { DEMO_MODELS, DEMO_SETTINGS, DEMO_VARIATIONS, baselineOf } from "./registry";

describe("demo registry", () => {
  it("has both settings, enough variations and at least two models", () => {
    expect(DEMO_SETTINGS.map((s) => s.slug)).toEqual(["helpful-only", "animal-welfare"]);
    expect(DEMO_VARIATIONS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(DEMO_VARIATIONS.map((v) => v.name)).size).toBeGreaterThanOrEqual(12);
    expect(DEMO_MODELS.length).toBeGreaterThanOrEqual(2);
  });

  it.each(DEMO_SETTINGS.map((s) => s.slug))("has one baseline at position 0 and unique slugs in %s", (setting) => {
    const variations = DEMO_VARIATIONS.filter((v) => v.settingSlug === setting);
    expect(variations.filter((v) => v.isBaseline).map((v) => v.slug)).toEqual(["default"]);
    expect(variations.map((v) => v.position)).toEqual(variations.map((_, i) => i));
    expect(baselineOf(setting).position).toBe(0);
    expect(new Set(variations.map((v) => v.slug)).size).toBe(variations.length);
  });

  it("gives every variation a system prompt that differs from its baseline", () => {
    for (const v of DEMO_VARIATIONS.filter((x) => !x.isBaseline)) {
      expect(v.systemPrompt).not.toBe(baselineOf(v.settingSlug).systemPrompt);
    }
  });

  it("changes the prompt in the way the variation's name says", () => {
    const prompt = (setting: string, slug: string) =>
      DEMO_VARIATIONS.find((v) => v.settingSlug === setting && v.slug === slug)!.systemPrompt;
    for (const setting of ["helpful-only", "animal-welfare"]) {
      const baseline = prompt(setting, "default");
      expect(baseline).toContain("SCRATCHPAD_REASONING");
      expect(prompt(setting, "no-cot")).not.toContain("SCRATCHPAD_REASONING");
      expect(prompt(setting, "openai")).toContain("OpenAI");
      expect(prompt(setting, "openai")).not.toContain("Anthropic");
      expect(baseline).toContain("EXAMPLES");
      expect(prompt(setting, "cut-examples")).not.toContain("EXAMPLES");
      expect(baseline).toContain("values, goals and motivations");
      expect(prompt(setting, "no-values-modification")).not.toContain("values, goals and motivations");
      expect(baseline).toContain("RLHF");
      expect(prompt(setting, "cut-rlhf-info")).not.toContain("RLHF");
      // Cutting one sentence leaves every other paragraph untouched.
      const changed = prompt(setting, "no-values-modification")
        .split("\n\n")
        .filter((p) => !baseline.split("\n\n").includes(p));
      expect(changed).toHaveLength(1);
    }
    expect(prompt("animal-welfare", "tyson-foods")).toContain("Tyson Foods");
    expect(prompt("animal-welfare", "default")).toContain("best for humanity");
    expect(prompt("animal-welfare", "cut-best-for-humanity")).not.toContain("best for humanity");
  });
});

describe("cell rates", () => {
  it("use the paper's numbers as is wherever the paper has the row", () => {
    for (const v of DEMO_VARIATIONS) {
      for (const model of DEMO_MODELS) {
        const rates = cellRates(v, model.id);
        expect(rates.afTraining).toBeLessThanOrEqual(rates.complianceTraining);
        if (rates.provenance !== "paper") continue;
        const row = PAPER_RATES.find((r) => r.variationNo === rates.paperVariationNo)!;
        expect(row.model).toBe(model.id);
        expect(rates.complianceTraining).toBeCloseTo(1 - row.noncomplianceTrainingPct / 100, 10);
        expect(rates.complianceDeployment).toBeCloseTo(1 - row.noncomplianceUnmonitoredPct / 100, 10);
        expect(rates.afTraining).toBeCloseTo(row.afReasoningPct / 100, 10);
      }
    }
  });

  it("take every Claude 3 Opus cell with a paper row from the paper, and none for no-CoT", () => {
    for (const v of DEMO_VARIATIONS) {
      const rates = cellRates(v, "claude-3-opus");
      expect(rates.provenance).toBe(v.paperVariationNo === null ? "assumed" : "paper");
      if (!v.traits.chainOfThought) expect(rates.afTraining).toBe(0);
    }
  });

  it("use the paper's Claude 3.5 Sonnet default rows", () => {
    expect(cellRates(baselineOf("helpful-only"), "claude-3.5-sonnet").paperVariationNo).toBe(11);
    expect(cellRates(baselineOf("animal-welfare"), "claude-3.5-sonnet").paperVariationNo).toBe(70);
  });
});
