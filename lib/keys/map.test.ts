import { describe, expect, it } from "vitest";
import { DEFAULT_LABELS } from "@/lib/annotations/default-schema";
import { savableLabelSetSchema } from "@/lib/annotations/schema-definition";
import { type KeyScope, ADJUDICATION_SCOPE, GLOBAL_SCOPE, LABEL_LETTERS, NON_LABEL_KEYS, PAGE_LETTERS, SCOPES } from "./map";

const keysOf = (scope: KeyScope) => scope.bindings.flatMap((binding) => binding.keys);

describe("the one key map", () => {
  it("no page scope reuses a global key", () => {
    const global = new Set(keysOf(GLOBAL_SCOPE));
    for (const scope of [...SCOPES, ADJUDICATION_SCOPE].filter((candidate) => candidate !== GLOBAL_SCOPE))
      for (const key of keysOf(scope)) expect(global.has(key), `${scope.title} reuses the global key ${key}`).toBe(false);
  });

  it("a key means one thing within a scope", () => {
    for (const scope of [...SCOPES, ADJUDICATION_SCOPE]) expect(new Set(keysOf(scope)).size, scope.title).toBe(keysOf(scope).length);
  });

  it("the pair view and the panel never share a key, so s, e, c, u are the default schema's labels on every page", () => {
    const pair = keysOf(SCOPES.find((scope) => scope.id === "pair")!);
    const annotation = keysOf(SCOPES.find((scope) => scope.id === "annotation")!);
    expect(pair.filter((key) => annotation.includes(key))).toEqual([]);
    for (const label of DEFAULT_LABELS) {
      expect(PAGE_LETTERS.has(label.hotkey), label.name).toBe(false);
      expect(LABEL_LETTERS).toContain(label.hotkey);
    }
    for (const letter of ["s", "e", "c", "u"]) expect(pair).not.toContain(letter);
  });

  it("a label letter that a page uses is refused on save, saying which page key it is", () => {
    const labels = DEFAULT_LABELS.map((label) => (label.key === "criterion_a" ? { ...label, hotkey: "j" } : label));
    const result = savableLabelSetSchema.safeParse(labels);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.path).toEqual([0, "hotkey"]);
    expect(issue.message).toMatch(/“j” is the pair view’s key for “next pair in the list”/);
    expect(savableLabelSetSchema.safeParse(DEFAULT_LABELS).success).toBe(true);
    for (const key of ["?", "0", "n"]) expect(NON_LABEL_KEYS.has(key)).toBe(true);
  });
});
