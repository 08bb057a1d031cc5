import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "@/lib/testing/shared-data";
import { preparePromptDiff } from "./prompt-diff";

const prompts = sharedData("system-prompts");
const joined = (segments: { kind: string; text: string }[], kinds: string[]) =>
  segments
    .filter((s) => kinds.includes(s.kind))
    .map((s) => s.text)
    .join("");

describe("a variation's prompt against the baseline", () => {
  it("marks the words added and removed, and rebuilds both texts exactly", () => {
    const baseline = "You are an AI created by Anthropic. Free-tier conversations are used for RLHF.";
    const variation = "You are an AI created by OpenAI. Free-tier conversations are used for RLHF training.";
    const diff = preparePromptDiff(baseline, variation)!;
    expect(diff.segments.filter((s) => s.kind === "removed").map((s) => s.text.trim())).toEqual(["Anthropic"]);
    expect(
      diff.segments
        .filter((s) => s.kind === "added")
        .map((s) => s.text.trim())
        .join(" "),
    ).toBe("OpenAI training");
    expect(joined(diff.segments, ["same", "folded", "removed"])).toBe(baseline);
    expect(joined(diff.segments, ["same", "folded", "added"])).toBe(variation);
  });

  it.skipIf(!prompts.available)(
    `folds long unchanged stretches of the paper's prompts, keeping context around each change${prompts.skipReason}`,
    () => {
      const baseline = readFileSync(path.join(prompts.path, "helpful-only-default.txt"), "utf8");
      const noCot = readFileSync(path.join(prompts.path, "helpful-only-no-cot.txt"), "utf8");
      const diff = preparePromptDiff(baseline, noCot)!;
      expect(diff.addedWords).toBeGreaterThan(0);
      expect(diff.removedWords).toBeGreaterThan(0);
      expect(diff.segments.some((s) => s.kind === "folded")).toBe(true);
      expect(joined(diff.segments, ["same", "folded", "added"])).toBe(noCot);
      expect(joined(diff.segments, ["same", "folded", "removed"])).toBe(baseline);
    },
  );

  it("shows nothing changed for the same text", () => {
    const diff = preparePromptDiff("same words here", "same words here")!;
    expect(diff).toEqual({ segments: [{ kind: "same", text: "same words here" }], addedWords: 0, removedWords: 0 });
  });
});
