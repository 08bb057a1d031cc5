import type pg from "pg";

/** The pages a day's work goes through, for the layout and accessibility checks (a pair and a transcript found in the data). */
export async function mainPages(database: pg.Client): Promise<{ name: string; path: string }[]> {
  const { rows } = await database.query<{ pair_id: number; transcript_id: number; variation_id: number }>(
    `SELECT t.pair_id, t.id AS transcript_id, t.variation_id FROM transcripts t
      WHERE t.pair_id IS NOT NULL AND length(t.scratchpad_text) > 200 ORDER BY t.id LIMIT 1`,
  );
  const [{ pair_id, transcript_id, variation_id }] = rows;
  return [
    { name: "home", path: "/" },
    { name: "transcripts", path: "/transcripts" },
    { name: "transcript", path: `/transcripts/${transcript_id}` },
    { name: "pair", path: `/pairs/${pair_id}` },
    { name: "variations", path: "/variations" },
    { name: "variation", path: `/variations/${variation_id}` },
    { name: "queues", path: "/queues" },
    { name: "agreement", path: "/agreement" },
    { name: "adjudication", path: "/adjudication" },
    { name: "analytics", path: "/analytics" },
    { name: "analytics-labels", path: "/analytics/labels" },
    { name: "imports", path: "/imports" },
    { name: "exports", path: "/exports" },
    { name: "jobs", path: "/jobs" },
    { name: "schema", path: "/schema" },
    { name: "audit", path: "/audit" },
    { name: "tokens", path: "/settings/tokens" },
  ];
}
