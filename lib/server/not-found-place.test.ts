import { describe, expect, it } from "vitest";
import { notFoundPlace } from "./not-found-place";

describe("the 404 page's words", () => {
  it("names what was looked for and where to find its kind", () => {
    expect(notFoundPlace("/queues/99")).toEqual({ what: "There is no queue 99.", goTo: { href: "/queues", name: "the queues" } });
    expect(notFoundPlace("/queues/4/items/17?submitted=3")).toEqual({
      what: "There is no item 17 in queue 4.",
      goTo: { href: "/queues", name: "your queues" },
    });
    expect(notFoundPlace("/transcripts/123456")).toMatchObject({ what: "There is no transcript 123456.", goTo: { href: "/transcripts" } });
    expect(notFoundPlace("/adjudication/8")).toMatchObject({ what: "There is no transcript 8 to adjudicate." });
  });

  it("an unknown path is named (shortened) and leads home", () => {
    expect(notFoundPlace("/nowhere/at%20all")).toEqual({
      what: "There is no page at /nowhere/at all.",
      goTo: { href: "/", name: "your home page" },
    });
    expect(notFoundPlace(`/${"x".repeat(200)}`).what).toHaveLength("There is no page at /".length + 79 + "….".length);
    expect(notFoundPlace(null).what).toBe("There is no such page.");
  });
});
