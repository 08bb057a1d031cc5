import { describe, expect, it } from "vitest";
import { SlotOccupancy } from "./sample-slots";

describe("choosing a transcript's sample", () => {
  it("pairs a deployment transcript with the training one waiting in sample 0, in either order", () => {
    const slots = new SlotOccupancy();
    expect(slots.assign({ slot: "q", condition: "deployment", sampleIndex: null })).toEqual({ sampleIndex: 0 });
    expect(slots.assign({ slot: "q", condition: "training", sampleIndex: null })).toEqual({ sampleIndex: 0 });
  });

  it("opens the next sample for a second transcript of the same condition, and fills gaps first", () => {
    const slots = new SlotOccupancy();
    slots.occupy("q", 0, "training");
    slots.occupy("q", 2, "training");
    slots.occupy("q", 0, "deployment");
    expect(slots.assign({ slot: "q", condition: "training", sampleIndex: null })).toEqual({ sampleIndex: 1 });
    expect(slots.assign({ slot: "q", condition: "training", sampleIndex: null })).toEqual({ sampleIndex: 3 });
    expect(slots.assign({ slot: "q", condition: "deployment", sampleIndex: null })).toEqual({ sampleIndex: 1 });
    expect(slots.assign({ slot: "other", condition: "training", sampleIndex: null })).toEqual({ sampleIndex: 0 });
  });

  it("takes an explicit sample as given, and refuses one whose condition is taken", () => {
    const slots = new SlotOccupancy();
    slots.occupy("q", 4, "training");
    expect(slots.assign({ slot: "q", condition: "deployment", sampleIndex: 4 })).toEqual({ sampleIndex: 4 });
    expect(slots.assign({ slot: "q", condition: "training", sampleIndex: 4 })).toEqual({ conflict: 4 });
    expect(slots.assign({ slot: "q", condition: "training", sampleIndex: 5 })).toEqual({ sampleIndex: 5 });
  });
});
