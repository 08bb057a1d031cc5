import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("the redirect after signing in", () => {
  it("keeps a path of this app, with its query and fragment", () => {
    expect(safeNext("/transcripts/3")).toBe("/transcripts/3");
    expect(safeNext("/transcripts?variation=2&q=a%20b#row-4")).toBe("/transcripts?variation=2&q=a%20b#row-4");
    expect(safeNext(undefined)).toBe("/");
    expect(safeNext("")).toBe("/");
  });

  it("refuses another site however the browser would spell it (finding 3: a TAB after the first slash)", () => {
    // `/sign-in?next=%2F%09%2Fevil.example%2Fz`: the browser drops the TAB and follows //evil.example/z.
    expect(safeNext(decodeURIComponent("%2F%09%2Fevil.example%2Fz"))).toBe("/");
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "\t//evil.example",
      " //evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "///evil.example",
    ]) {
      expect(safeNext(next), JSON.stringify(next)).toBe("/");
    }
  });

  it("refuses a path of ours that the browser would read as another host", () => {
    expect(safeNext("/.//evil.example/x")).toBe("/");
    expect(safeNext("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example"); // encoded slashes stay a path
    // Same scheme, no slashes: a relative path to the browser too; re-written as ours.
    expect(safeNext("http:evil.example")).toBe("/evil.example");
  });
});
