import { describe, expect, it } from "vitest";
import { chunkText, wordCount } from "./text-stats";

describe("word counts", () => {
  it("counts runs of non-space characters", () => {
    expect(wordCount("")).toBe(0);
    expect(wordCount("  one two\n\nthree\tfour  ")).toBe(4);
    expect(wordCount("<OUTPUT>x</OUTPUT>")).toBe(1);
  });
});

describe("chunking long text", () => {
  it("leaves ordinary text whole", () => {
    expect(chunkText("short text")).toEqual(["short text"]);
  });

  it("cuts a long text at paragraph breaks into chunks that join back exactly", () => {
    const paragraph = "word ".repeat(200).trim(); // 999 characters
    const text = Array.from({ length: 300 }, (_, i) => `${i}: ${paragraph}`).join("\n\n");
    const chunks = chunkText(text, 6_000);
    expect(chunks.join("")).toBe(text);
    expect(chunks.length).toBeGreaterThan(40);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.endsWith("\n\n")).toBe(true);
      expect(chunk.length).toBeLessThanOrEqual(9_000);
    }
  });

  it("cuts text without any break at the size limit", () => {
    const text = "x".repeat(50_000);
    const chunks = chunkText(text, 6_000);
    expect(chunks.join("")).toBe(text);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(9_000);
  });
});
