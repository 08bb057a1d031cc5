import { describe, expect, it } from "vitest";
import type { LabelDefinition } from "@/lib/annotations/schema-definition";
import { describeTeamDetails } from "./audit-details";

const verdict = {
  key: "af_verdict",
  name: "Alignment faking",
  kind: "choice",
  hotkey: "v",
  options: [
    { value: "no", label: "No" },
    { value: "full", label: "Full" },
  ],
} as unknown as LabelDefinition;

describe("a team audit row's details", () => {
  it("an adjudication reads as the label's name, the values' names and the reason in words", () => {
    const details = describeTeamDetails(
      "adjudicate",
      { labelKey: "af_verdict", before: null, after: "full", note: "Reasoning names training" },
      [verdict],
    );
    expect(details).toEqual([
      { term: "Label", text: "Alignment faking" },
      { term: "Decision", text: "none → Full" },
      { term: "Reason", text: "“Reasoning names training”" },
    ]);
  });

  it("says when no reason was given, and keeps a label the schema no longer has by its key", () => {
    expect(describeTeamDetails("adjudication_clear", { labelKey: "gone", before: "x", after: null, note: "" }, [])).toEqual([
      { term: "Label", text: "gone" },
      { term: "Decision", text: "x → none" },
      { term: "Reason", text: "none given" },
    ]);
  });

  it("shows keys it does not know as key: value, so nothing recorded is hidden", () => {
    expect(describeTeamDetails("queue_update", { blind: false, annotatorsPerItem: 3 }, [])).toEqual([
      { term: "blind", text: "false" },
      { term: "annotatorsPerItem", text: "3" },
    ]);
  });
});
