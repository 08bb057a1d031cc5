import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "@/lib/annotations/default-schema";
import { panelKeys } from "@/lib/annotations/pair-labels";
import { PAIR_BINDINGS } from "./map";
import { effectiveKey, pairActionFor } from "./pair";

const panel = new Set(panelKeys([{ version: 1, labels: DEFAULT_LABELS }]));
const press = (key: string, shiftKey = false) => ({ key, shiftKey });

describe("the paired view's keys beside the annotation panel's", () => {
  it("reading or annotating, a pair key means the same and a label letter is never a pair action", () => {
    for (const annotating of [false, true]) {
      expect(pairActionFor(press("w"), annotating, panel)).toBe("diff");
      expect(pairActionFor(press("j"), annotating, panel)).toBe("next");
      expect(pairActionFor(press("o"), annotating, panel)).toBe("switchFocus");
      expect(pairActionFor(press("="), annotating, panel)).toBe("expand");
      expect(pairActionFor(press("-"), annotating, panel)).toBe("collapse");
      expect(pairActionFor(press("Backspace"), annotating, panel)).toBe("list");
      expect(pairActionFor(press("]"), annotating, panel)).toBe("annotateDeployment");
      for (const label of DEFAULT_LABELS) expect(pairActionFor(press(label.hotkey), annotating, panel)).toBeNull();
    }
    expect(effectiveKey("w", true, panel)).toBe("w");
  });

  it("a legacy schema's label on a pair letter keeps it while annotating; the pair action moves to Shift", () => {
    const legacy = new Set(panelKeys([{ version: 2, labels: [{ ...DEFAULT_LABELS[0], hotkey: "h" }] }]));
    expect(pairActionFor(press("h"), true, legacy)).toBeNull();
    expect(pairActionFor(press("H", true), true, legacy)).toBe("focusTraining");
    expect(pairActionFor(press("h"), false, legacy)).toBe("focusTraining");
    expect(effectiveKey("h", true, legacy)).toBe("Shift+H");
    expect(effectiveKey("h", false, legacy)).toBe("h");
  });

  it("Caps Lock without Shift is not a Shift shortcut", () => {
    const legacy = new Set(panelKeys([{ version: 2, labels: [{ ...DEFAULT_LABELS[0], hotkey: "h" }] }]));
    expect(pairActionFor(press("H", false), true, legacy)).toBeNull();
  });

  it("every pair key can be pressed while annotating", () => {
    for (const { key } of PAIR_BINDINGS) {
      const shown = effectiveKey(key, true, panel);
      const event = shown.startsWith("Shift+") ? press(shown.slice(6), true) : press(shown);
      expect(pairActionFor(event, true, panel)).not.toBeNull();
    }
  });
});
