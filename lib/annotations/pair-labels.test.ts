import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "./default-schema";
import { othersVisibleTo, panelKeys } from "./pair-labels";

const entry = (annotatorId: string, submitted: boolean) => ({
  annotation: { annotatorId, submittedAt: submitted ? "2026-01-01T00:00:00.000Z" : null },
  schemaVersion: 1,
});
const all = [entry("lead", true), entry("ann1", true), entry("ann2", false), entry("ann3", true)];

describe("whose labels reach the paired view", () => {
  it("an annotator receives no one else's labels, submitted or not", () => {
    expect(othersVisibleTo({ id: "ann1", isLead: false }, all)).toEqual({ others: [], hiddenDrafts: 0 });
  });

  it("a lead receives the other annotators' submitted labels, never their drafts nor the lead's own", () => {
    const { others, hiddenDrafts } = othersVisibleTo({ id: "lead", isLead: true }, all);
    expect(others.map((e) => e.annotation.annotatorId)).toEqual(["ann1", "ann3"]);
    expect(hiddenDrafts).toBe(1);
  });
});

describe("the keys the panel owns", () => {
  it("holds every label's key, the digits, the note, find, submit and help", () => {
    const keys = panelKeys([{ version: 1, labels: DEFAULT_LABELS }, null]);
    for (const key of ["a", "b", "c", "d", "e", "v", "s", "u", "g", "n", "0", "9", "/", "?", "Enter", "Escape"])
      expect(keys).toContain(key);
    // The pair view's own navigation letters stay free with the default schema.
    for (const key of ["j", "k", "h", "l", "y", "[", "]"]) expect(keys).not.toContain(key);
  });

  it("follows a schema that binds a pair-view letter", () => {
    const schema = { version: 2, labels: [{ ...DEFAULT_LABELS[0], hotkey: "j" }] };
    expect(panelKeys([schema])).toContain("j");
  });
});
