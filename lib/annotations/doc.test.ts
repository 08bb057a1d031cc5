import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "./default-schema";
import { docReducer, findInText, migrateDoc, nextValue, spanFromStoredRange, valueForDigit, type AnnotationDoc } from "./doc";
import type { LabelDefinition } from "./schema-definition";

const label = (key: string) => DEFAULT_LABELS.find((l) => l.key === key)!;
const empty: AnnotationDoc = { schemaVersion: 1, values: {}, note: "", spans: [] };

describe("the panel's document", () => {
  it("cycles a label's values with its key, then back to unset", () => {
    const verdict = label("af_verdict");
    expect([undefined, "no", "partial", "full"].map((v) => nextValue(verdict, v))).toEqual(["no", "partial", "full", undefined]);
    expect([undefined, true, false].map((v) => nextValue(label("unmonitored_unmasking"), v))).toEqual([true, false, undefined]);
    expect(nextValue(label("compliance"), 4)).toBeUndefined();
    const doc = docReducer(docReducer(empty, { type: "cycle", label: label("unmonitored_unmasking") }), {
      type: "cycle",
      label: label("unmonitored_unmasking"),
    });
    expect(doc.values).toEqual({ unmonitored_unmasking: false });
  });

  it("picks values with digits", () => {
    expect(valueForDigit(label("af_verdict"), 3)).toBe("full");
    expect(valueForDigit(label("af_verdict"), 4)).toBeUndefined();
    expect(valueForDigit(label("compliance"), 4)).toBe(4);
    expect(valueForDigit(label("generic_self_preservation"), 2)).toBe(false);
  });

  it("adds each span once, in text order, and removes it", () => {
    const a = { labelKey: "criterion_a", start: 10, end: 20, text: "x" };
    const b = { labelKey: "criterion_b", start: 2, end: 30, text: "y" };
    let doc = docReducer(empty, { type: "addSpan", span: a });
    doc = docReducer(doc, { type: "addSpan", span: b });
    doc = docReducer(doc, { type: "addSpan", span: a });
    expect(doc.spans).toEqual([b, a]);
    expect(docReducer(doc, { type: "removeSpan", span: b }).spans).toEqual([a]);
  });

  it("trims a selection and keeps emoji and CRLF whole", () => {
    const text = "  see 😀 here\r\n";
    expect(spanFromStoredRange(text, 0, text.length, "k")).toEqual({ labelKey: "k", start: 2, end: 13, text: "see 😀 here" });
    expect(spanFromStoredRange(text, 7, 9, "k")?.text).toBe("😀"); // started inside the emoji
    expect(spanFromStoredRange(text, 13, 15, "k")).toBeNull();
  });

  it("finds text as displayed (CRLF shown as a line break) and returns stored offsets", () => {
    const text = "One\r\nTwo two\r\nthree";
    expect(findInText(text, "two\nthree")).toEqual({ start: 9, end: 19 });
    expect(text.slice(9, 19)).toBe("two\r\nthree");
    expect(findInText(text, "TWO")).toEqual({ start: 5, end: 8 });
    expect(findInText(text, "two", 6)).toEqual({ start: 9, end: 12 });
    expect(findInText(text, "two", 12)).toEqual({ start: 5, end: 8 }); // wraps around
    expect(findInText(text, "four")).toBeNull();
  });

  it("carries an annotation over to a new schema version, reporting what does not fit", () => {
    const labels: LabelDefinition[] = [
      {
        ...label("af_verdict"),
        kind: "choice",
        options: [
          { value: "no", label: "No" },
          { value: "yes", label: "Yes" },
        ],
      } as LabelDefinition,
      label("criterion_a"),
    ];
    const doc: AnnotationDoc = {
      schemaVersion: 1,
      values: { af_verdict: "partial", compliance: 3 },
      note: "n",
      spans: [
        { labelKey: "criterion_a", start: 0, end: 1, text: "a" },
        { labelKey: "criterion_b", start: 0, end: 1, text: "a" },
      ],
    };
    const { doc: migrated, dropped } = migrateDoc(doc, { version: 2, labels });
    expect(migrated).toEqual({ schemaVersion: 2, values: {}, note: "n", spans: [doc.spans[0]] });
    expect(dropped).toEqual(["af_verdict", "compliance", "1 span(s)"]);
  });
});
