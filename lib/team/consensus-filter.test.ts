import { describe, expect, it } from "vitest";
import { listQueryString, parseListState, readsOthersLabels } from "@/lib/transcripts/list-state";
import { parseConsensusFilter } from "./consensus-filter";

describe("the consensus filter in the table's URL state", () => {
  it("reads values and methods, ignores the rest, and writes them back", () => {
    expect(
      parseConsensusFilter({
        consensus: ["af_verdict:full", "compliance:4", "criterion_a:yes", "af_verdict:@undecided", "x:@nope", "bad"],
      }),
    ).toEqual([
      { key: "af_verdict", value: "full" },
      { key: "compliance", value: 4 },
      { key: "criterion_a", value: true },
      { key: "af_verdict", method: "undecided" },
    ]);
    const state = parseListState({ q: "lock", consensus: ["af_verdict:full", "af_verdict:@adjudicated"] });
    expect(listQueryString(state)).toBe("q=lock&consensus=af_verdict%3Afull&consensus=af_verdict%3A%40adjudicated");
    expect(parseListState({}).filters.consensus).toBeUndefined();
  });

  it("counts as reading other people's labels (the visibility layer refuses it to annotators), as does naming anyone else in by=", () => {
    expect(readsOthersLabels(parseListState({ consensus: "af_verdict:full" }).filters, "me")).toBe(true);
    expect(readsOthersLabels(parseListState({ human: "af_verdict:full" }).filters, "me")).toBe(false);
    // by= alone, with nothing else that reads through it: still someone else's labels, refused rather than ignored.
    expect(readsOthersLabels(parseListState({ by: "someone-else" }).filters, "me")).toBe(true);
    expect(readsOthersLabels(parseListState({ by: "me", human: "af_verdict:full" }).filters, "me")).toBe(false);
  });
});
