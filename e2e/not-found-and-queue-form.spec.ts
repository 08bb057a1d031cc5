import { expect, test } from "./fixtures";
import { E2E_FIXTURES } from "./fixtures/names";

/** Two small things that cost a lead time: a 404 that says nothing, and a queue filter whose size is a guess. */

test("the 404 page says what was not found and where to go instead", async ({ pageAs }) => {
  const lead = await pageAs("lead");
  await lead.goto("/queues/987654");
  await expect(lead.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(lead.locator("[data-not-found]")).toContainText("There is no queue 987654.");
  await lead.getByRole("link", { name: "Go to the queues" }).click();
  await expect(lead.getByRole("heading", { name: "Labelling queues" })).toBeVisible();

  await lead.goto("/transcripts/987654321");
  await expect(lead.locator("[data-not-found]")).toContainText("There is no transcript 987654321.");
  await expect(lead.getByRole("link", { name: "Go to the transcripts" })).toHaveAttribute("href", "/transcripts");

  await lead.goto("/no/such/page");
  await expect(lead.locator("[data-not-found]")).toContainText("There is no page at /no/such/page.");
  await expect(lead.getByRole("link", { name: "Go to your home page" })).toHaveAttribute("href", "/");
});

test("the new-queue form counts the transcripts its filter matches, again after each edit", async ({ pageAs, database }) => {
  const lead = await pageAs("lead");
  await lead.goto(`/queues/new?q=${E2E_FIXTURES.team.searchWord}`);
  const filter = lead.getByLabel("Transcripts-table filter", { exact: false });
  const matches = lead.locator("[data-filter-matches]");
  // The team fixture is one pair: its two sides.
  await expect(matches).toHaveText("Matches 2 transcripts in 1 pair.");
  await expect(filter).toHaveAttribute("aria-describedby", "queue-filter-matches");

  await filter.fill("q=nosuchwordanywherezq");
  await expect(matches).toHaveText("No transcript matches this filter: a queue needs at least one.");

  await filter.fill("");
  const { rows } = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM transcripts`);
  await expect(matches).toHaveText(new RegExp(`^Matches ${rows[0].n.toLocaleString("en")} transcripts in [\\d,]+ pairs\\.$`));
});
