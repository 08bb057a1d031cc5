import { describe, expect, it } from "vitest";
import { domText, highlightSegments, isBoundary, scratchpadBlockRanges, spanProblem, storedOffsetFromDom } from "./offsets";

// "I 😀 think\r\nso." : the emoji is 2 UTF-16 code units, CRLF is 2.
const text = "I 😀 think\r\nso.";

describe("span offsets (UTF-16 code units into the stored scratchpad text)", () => {
  it("count an astral emoji as 2 and CRLF as 2", () => {
    expect(text.length).toBe(15);
    expect(text.slice(2, 4)).toBe("😀");
    expect(text.slice(5, 10)).toBe("think");
    expect(text.slice(12, 15)).toBe("so.");
  });

  it("refuse boundaries inside a surrogate pair or a CRLF", () => {
    expect(isBoundary(text, 2)).toBe(true);
    expect(isBoundary(text, 3)).toBe(false); // between the emoji's halves
    expect(isBoundary(text, 4)).toBe(true);
    expect(isBoundary(text, 11)).toBe(false); // between \r and \n
    expect(isBoundary(text, 12)).toBe(true);
    expect(isBoundary(text, 16)).toBe(false);
  });

  it("accept a span whose text is the stored slice, and explain what is wrong otherwise", () => {
    expect(spanProblem(text, { start: 2, end: 10, text: "😀 think" })).toBeNull();
    expect(spanProblem(text, { start: 5, end: 15, text: "think\r\nso." })).toBeNull();
    expect(spanProblem(text, { start: 3, end: 10, text: text.slice(3, 10) })).toMatch(/split a character/);
    expect(spanProblem(text, { start: 5, end: 11, text: "think\r" })).toMatch(/split a character/);
    expect(spanProblem(text, { start: 5, end: 10, text: "thing" })).toMatch(/not the span's text/);
    expect(spanProblem(text, { start: 5, end: 5, text: "" })).toMatch(/empty/);
    expect(spanProblem(text, { start: 12, end: 20, text: "so." })).toMatch(/outside/);
  });

  it("map positions in the browser's text (CRLF became LF) back to stored offsets", () => {
    const dom = domText(text);
    expect(dom).toBe("I 😀 think\nso.");
    const domStart = dom.indexOf("so.");
    expect(storedOffsetFromDom(text, domStart)).toBe(12);
    expect(storedOffsetFromDom(text, dom.indexOf("think"))).toBe(5);
    expect(storedOffsetFromDom(text, dom.length)).toBe(text.length);
    // Round trip for every position a browser selection can take (not inside the emoji).
    for (let i = 0; i <= dom.length; i++) {
      if (!isBoundary(dom, i)) continue;
      const stored = storedOffsetFromDom(text, i);
      expect(isBoundary(text, stored)).toBe(true);
      expect(domText(text.slice(0, stored))).toBe(dom.slice(0, i));
    }
  });

  it("a lone CR is one code unit in both texts", () => {
    expect(domText("a\rb")).toBe("a\nb");
    expect(storedOffsetFromDom("a\rb", 2)).toBe(2);
  });
});

describe("scratchpad blocks", () => {
  it("lie in the stored text joined by a blank line", () => {
    expect(scratchpadBlockRanges("one\n\ntwo 😀", ["one", "two 😀"])).toEqual([
      { start: 0, end: 3 },
      { start: 5, end: 11 },
    ]);
  });

  it("fall back to one block when the blocks do not add up to the stored text", () => {
    expect(scratchpadBlockRanges("one two", ["one", "two"])).toEqual([{ start: 0, end: 7 }]);
    expect(scratchpadBlockRanges("", [])).toEqual([]);
  });
});

describe("highlight segments", () => {
  it("cut at every boundary of overlapping spans, outermost first", () => {
    const spans = [
      { id: "x", start: 2, end: 10 },
      { id: "y", start: 5, end: 15 },
    ];
    const segments = highlightSegments({ start: 0, end: 15 }, spans);
    expect(segments.map((s) => [s.start, s.end, s.spans.map((span) => span.id).join("")])).toEqual([
      [0, 2, ""],
      [2, 5, "x"],
      [5, 10, "yx"],
      [10, 15, "y"],
    ]);
  });

  it("clip spans to the block", () => {
    const segments = highlightSegments({ start: 5, end: 8 }, [{ start: 0, end: 6 }]);
    expect(segments.map((s) => [s.start, s.end, s.spans.length])).toEqual([
      [5, 6, 1],
      [6, 8, 0],
    ]);
  });
});
