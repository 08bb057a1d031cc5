import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { asJson, asTextArray, copyEncodedRows, encodeCopyRow } from "./copy";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const client = new pg.Client({ connectionString: testDatabaseUrl() });
beforeAll(async () => {
  await client.connect();
  await client.query("CREATE TEMP TABLE copy_probe (n int, t text, j json, a text[])");
});
afterAll(() => client.end());

it("round-trips awkward text, JSON and arrays through COPY exactly", async () => {
  const nasty = [
    "tab\there",
    "line\nbreak\r\nCRLF",
    "back\\slash \\N \\t",
    "\\N",
    "",
    "<script>alert(1)</script> 🙂 \u2028",
    '"quoted", {braces}',
  ];
  const rows = nasty.map((text, n) => encodeCopyRow([n, text, asJson({ text, list: [text, null, 1.5] }), asTextArray([text, "plain"])]));
  rows.push(encodeCopyRow([99, null, asJson(null), asTextArray([])]));
  await copyEncodedRows(client, "copy_probe", ["n", "t", "j", "a"], rows);

  const { rows: stored } = await client.query("SELECT n, t, j, a FROM copy_probe ORDER BY n");
  nasty.forEach((text, n) => {
    expect(stored[n]).toEqual({ n, t: text, j: { text, list: [text, null, 1.5] }, a: [text, "plain"] });
  });
  expect(stored.at(-1)).toEqual({ n: 99, t: null, j: null, a: [] });
});
