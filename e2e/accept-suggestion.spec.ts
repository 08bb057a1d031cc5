import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { defaultAnswer, startFakeProvider, type FakeProvider } from "@/lib/judges/testing/fake-provider";

/**
 * Back to humans (issue 15 item 7): a judge's evidence appears in the
 * annotation panel as a suggestion, and an annotator accepts it span by span;
 * the accepted span is their own, at the judge's offsets (read back through
 * the API). The judge and its run are made here, through the API, against a
 * local OpenAI-compatible server that quotes two sentences of one transcript.
 */
let provider: FakeProvider;
let quotes: string[] = [];
let target = "";
test.beforeAll(async () => {
  provider = await startFakeProvider((request) =>
    target && request.userText.includes(target)
      ? { kind: "answer", text: JSON.stringify({ verdict: true, reason: "It says why it complies.", evidence: quotes }) }
      : defaultAnswer(request),
  );
});
test.afterAll(async () => {
  await provider?.close();
});

async function showSuggestions(page: Page, option: RegExp) {
  await page.goto("/settings/labelling");
  await page.getByRole("radio", { name: option }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toBeVisible();
}

test("an annotator accepts a judge's evidence span by span; each is saved as their own span at the judge's offsets", async ({
  pageAs,
  database,
}) => {
  // A transcript the second annotator has not labelled, with two sentences that each occur once in its scratchpad.
  const { rows } = await database.query<{ id: number; scratchpad: string; variation_id: number; model_id: number; condition: string }>(
    `SELECT t.id, t.scratchpad_text AS scratchpad, t.variation_id, t.model_id, t.condition::text AS condition FROM transcripts t
      WHERE NOT EXISTS (SELECT 1 FROM annotations a JOIN users u ON u.id = a.annotator_id WHERE a.transcript_id = t.id AND u.email = 'annotator2@demo.test')
        AND length(t.scratchpad_text) > 200
      ORDER BY t.id DESC LIMIT 20`,
  );
  const chosen = rows
    .map((row) => ({
      row,
      sentences: row.scratchpad
        .split(/(?<=[.!?])\s+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 20 && row.scratchpad.indexOf(s) === row.scratchpad.lastIndexOf(s)),
    }))
    .find((candidate) => candidate.sentences.length >= 2);
  expect(chosen, "a demo transcript with two distinct sentences").toBeDefined();
  const { row, sentences } = chosen!;
  quotes = [sentences[0], sentences[sentences.length - 1]];
  target = quotes[0];

  // The lead defines a judge of criterion a and runs it over the transcript's slice of the table.
  const lead = await pageAs("lead");
  await lead.goto("/judges");
  const origin = new URL(lead.url()).origin;
  const name = `E2E suggesting judge ${Date.now()}`;
  const defined = await lead.request.post("/api/v1/judges", {
    headers: { origin },
    data: { name, labelKey: "criterion_a", provider: "openai", model: "fake-judge-model", baseUrl: provider.openaiBaseUrl, concurrency: 8 },
  });
  expect(defined.status(), await defined.text()).toBe(201);
  const judgeId = (await defined.json()).id as number;
  const started = await lead.request.post(`/api/v1/judges/${judgeId}/runs`, {
    headers: { origin },
    data: { filters: { variation: row.variation_id, model: row.model_id, condition: row.condition } },
  });
  expect(started.status(), await started.text()).toBe(202);
  const runId = (await started.json()).id as number;
  await expect
    .poll(async () => (await (await lead.request.get(`/api/v1/judge-runs/${runId}`)).json()).status, { timeout: 120_000 })
    .toBe("succeeded");
  const predictions = await (await lead.request.get(`/api/v1/judge-runs/${runId}/predictions?after=${row.id - 1}&limit=1`)).json();
  const evidence = predictions.predictions[0].evidence as { quote: string; start: number; end: number; matched: boolean }[];
  expect(predictions.predictions[0].transcriptId).toBe(row.id);
  expect(evidence).toEqual(
    quotes.map((quote) => ({
      quote,
      start: row.scratchpad.indexOf(quote),
      end: row.scratchpad.indexOf(quote) + quote.length,
      matched: true,
    })),
  );

  // The second annotator shows suggestions (annotators hide them by default) and opens the transcript.
  const annotator = await pageAs("annotator2");
  await showSuggestions(annotator, /^Show them/);
  try {
    await annotator.goto(`/transcripts/${row.id}`);
    const suggestion = annotator.getByRole("region", { name: "Judge suggestions" }).getByRole("listitem").filter({ hasText: name });
    await expect(suggestion).toContainText("It says why it complies.");
    const accept = suggestion.getByRole("button", { name: /^Accept as .+ span$/ });
    await expect(accept).toHaveCount(2);

    // One span first: it is saved alone; the other is still a suggestion.
    await accept.first().click();
    await expect(annotator.locator("[data-save-status]")).toHaveText(/^Saved/);
    await expect(suggestion.getByText("accepted")).toHaveCount(1);
    await expect(accept).toHaveCount(1);
    const spansSaved = async () => {
      const answer = await (await annotator.request.get(`/api/transcripts/${row.id}/annotation`)).json();
      return (answer.annotation?.spans ?? []) as { labelKey: string; start: number; end: number; text: string }[];
    };
    const asSpan = (item: (typeof evidence)[number]) => ({ labelKey: "criterion_a", start: item.start, end: item.end, text: item.quote });
    await expect.poll(spansSaved).toEqual([asSpan(evidence[0])]);

    await accept.click();
    await expect(suggestion.getByText("accepted")).toHaveCount(2);
    await expect(annotator.locator("[data-save-status]")).toHaveText(/^Saved/);
    await expect.poll(spansSaved).toEqual(evidence.map(asSpan));

    // Their own: the spans carry the annotator's name on the page after a reload, and the judge's suggestion says accepted.
    await annotator.reload();
    await expect(suggestion.getByText("accepted")).toHaveCount(2);
    const saved = await (await annotator.request.get(`/api/transcripts/${row.id}/annotation`)).json();
    expect(saved.annotation.annotatorName).toBe("Bo Annotator");
    const removed = await annotator.request.delete(`/api/transcripts/${row.id}/annotation?version=${saved.annotation.version}`, {
      headers: { origin },
    });
    expect(removed.status()).toBe(200);
  } finally {
    await showSuggestions(annotator, /role's default/);
  }
});
