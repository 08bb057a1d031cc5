import { describe, expect, it } from "vitest";
import { DEFAULT_COLUMNS, firstPage, listHref, listQueryString, MAX_OFFSET_PAGE, parseListState, parseLabelFilter } from "./list-state";

describe("the transcripts table's URL state", () => {
  it("defaults to the first page of everything, by id", () => {
    const state = parseListState({});
    expect(state).toEqual({ filters: { labels: [], human: [] }, sort: "id", page: 1, size: 50, columns: [...DEFAULT_COLUMNS] });
    expect(listHref(state)).toBe("/transcripts");
  });

  it("round-trips every field through its canonical query string", () => {
    const query =
      "q=RLHF+%22modify+my+values%22&setting=1&variation=3&model=2&dataset=4&condition=training&label=judge%7Ccomplied%7Ctrue" +
      "&status=todo&human=af_verdict%3Afull&human=compliance%3A4&human=criterion_a%3Aspan" +
      "&sort=-scratchpad&size=100&page=3&after=2500.77&cols=variation%2Cquery%2Cdataset&count=exact";
    const state = parseListState(new URLSearchParams(query));
    expect(state.filters).toEqual({
      q: 'RLHF "modify my values"',
      setting: 1,
      variation: 3,
      model: 2,
      dataset: 4,
      condition: "training",
      labels: [{ source: "judge", name: "complied", value: "true" }],
      status: "todo",
      human: [
        { key: "af_verdict", value: "full" },
        { key: "compliance", value: 4 },
        { key: "criterion_a", span: true },
      ],
    });
    expect(state).toMatchObject({
      sort: "-scratchpad",
      size: 100,
      page: 3,
      after: { key: 2500, id: 77 },
      columns: ["variation", "dataset", "query"],
      exactCount: true,
    });
    expect(parseListState(new URLSearchParams(listQueryString(state)))).toEqual(state);
  });

  it("falls back to defaults on nonsense instead of failing", () => {
    const state = parseListState({
      page: "-4",
      size: "7",
      sort: "drop table",
      variation: "abc",
      condition: "audit",
      after: "1.2.3",
      label: "no-separators",
      cols: "evil",
      status: "nobody",
      human: "DROP:x",
    });
    expect(state).toEqual({ filters: { labels: [], human: [] }, sort: "id", page: 1, size: 50, columns: [] });
  });

  it("takes the first value of a repeated scalar and every value of a repeated label", () => {
    const state = parseListState({ variation: ["5", "6"], label: ["a|b|c", "d|e|f|g"] });
    expect(state.filters.variation).toBe(5);
    expect(state.filters.labels).toEqual([
      { source: "a", name: "b", value: "c" },
      { source: "d", name: "e", value: "f|g" },
    ]);
  });

  it("keeps offsets for the first pages only, and a cursor wins over an offset", () => {
    expect(parseListState({ page: "5000" }).page).toBe(MAX_OFFSET_PAGE);
    const deep = parseListState({ page: "5000", after: "123456" });
    expect(deep).toMatchObject({ page: 5000, after: { key: 123456, id: 123456 } });
    expect(parseListState({ before: "end", page: "9" }).before).toBe("end");
  });

  it("trims and bounds the search text", () => {
    expect(parseListState({ q: "   " }).filters.q).toBeUndefined();
    expect(parseListState({ q: "x".repeat(500) }).filters.q).toHaveLength(200);
  });

  it("goes back to the first page, with capped counts, when the view changes", () => {
    const state = parseListState({ variation: "2", after: "99", page: "7", count: "exact", sort: "-id" });
    expect(listHref(firstPage(state))).toBe("/transcripts?variation=2&sort=-id");
  });

  it("parses label filters whose value holds the separator", () => {
    expect(parseLabelFilter("src|name|a|b")).toEqual({ source: "src", name: "name", value: "a|b" });
    expect(parseLabelFilter("src|name")).toBeUndefined();
  });
});
