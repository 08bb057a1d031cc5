import { describe, expect, it } from "vitest";
import { MARK_END, MARK_START, splitHighlights } from "./highlight";

describe("splitting ts_headline output into text segments", () => {
  it("marks what lies between the markers", () => {
    expect(splitHighlights(`the ${MARK_START}RLHF${MARK_END} process ${MARK_START}modifies${MARK_END}`)).toEqual([
      { text: "the ", match: false },
      { text: "RLHF", match: true },
      { text: " process ", match: false },
      { text: "modifies", match: true },
    ]);
  });

  it("keeps markup as plain text", () => {
    const segments = splitHighlights(`<script>alert(1)</script> ${MARK_START}<img onerror=x>${MARK_END}`);
    expect(segments.map((segment) => segment.text).join("")).toBe("<script>alert(1)</script> <img onerror=x>");
    expect(segments[1]).toEqual({ text: "<img onerror=x>", match: true });
  });

  it("tolerates unbalanced markers and text without any", () => {
    expect(splitHighlights("plain")).toEqual([{ text: "plain", match: false }]);
    expect(splitHighlights(`a${MARK_END}b${MARK_START}`)).toEqual([{ text: "ab", match: false }]);
  });
});
