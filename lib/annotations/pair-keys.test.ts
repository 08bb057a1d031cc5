import { describe, expect, it } from "vitest";
import { effectiveKey, pairActionFor } from "./pair-keys";
import { DEFAULT_LABELS } from "./default-schema";
import { panelKeys } from "./pair-labels";

const panel = new Set(panelKeys([{ version: 1, labels: DEFAULT_LABELS }]));
const press = (key: string, shiftKey = false) => ({ key, shiftKey });

describe("the paired view's keys beside the annotation panel's", () => {
  it("while reading, the pair keys are plain letters as before", () => {
    expect(pairActionFor(press("d"), false, panel)).toBe("diff");
    expect(pairActionFor(press("j"), false, panel)).toBe("next");
    expect(pairActionFor(press("?"), false, panel)).toBe("help");
    expect(pairActionFor(press("]"), false, panel)).toBe("annotateDeployment");
  });

  it("while annotating, a letter a label uses is the label's, and the pair action moves to Shift", () => {
    expect(pairActionFor(press("d"), true, panel)).toBeNull();
    expect(pairActionFor(press("D", true), true, panel)).toBe("diff");
    expect(pairActionFor(press("?", true), true, panel)).toBeNull(); // the panel's help lists the pair keys too
    expect(pairActionFor(press("j"), true, panel)).toBe("next"); // no label uses j
    expect(pairActionFor(press("["), true, panel)).toBe("annotateTraining");
    expect(effectiveKey("d", true, panel)).toBe("Shift+D");
    expect(effectiveKey("d", false, panel)).toBe("d");
    expect(effectiveKey("j", true, panel)).toBe("j");
  });

  it("Caps Lock without Shift is not a Shift shortcut", () => {
    expect(pairActionFor(press("D", false), true, panel)).toBeNull();
  });

  it("no pair key is left without a way to press it while annotating", () => {
    for (const key of ["j", "k", "h", "l", "s", "e", "c", "d", "y", "u"]) {
      const shown = effectiveKey(key, true, panel);
      const event = shown.startsWith("Shift+") ? press(shown.slice(6), true) : press(shown);
      expect(pairActionFor(event, true, panel)).not.toBeNull();
    }
  });
});
