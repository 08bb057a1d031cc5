import { randomUUID } from "node:crypto";
import pg from "pg";
import { createAccount } from "@/lib/auth/accounts";
import type { UserRole } from "@/lib/auth/roles";
import { standaloneAuth } from "@/lib/auth/standalone";

/**
 * Rows for database tests, written with plain SQL: each test file makes its
 * own (unique names) and removes them with `cleanup()`.
 */
export class Fixtures {
  readonly client: pg.Client;
  private readonly tag = randomUUID().slice(0, 8);
  private readonly userIds: string[] = [];
  private datasetId: number | undefined;
  private readonly pairIds: number[] = [];
  private readonly queryIds: number[] = [];

  private auth: ReturnType<typeof standaloneAuth> | undefined;

  constructor(private readonly databaseUrl: string) {
    this.client = new pg.Client({ connectionString: databaseUrl });
  }

  /**
   * A real account signed in through better-auth (the app's secret, as in
   * tests): its id, email, and the Cookie header a browser would send.
   */
  async signedIn(role: UserRole = "annotator", name = "Signed In"): Promise<{ id: string; email: string; cookie: string }> {
    this.auth ??= standaloneAuth(this.databaseUrl);
    const email = `${randomUUID()}@fixtures.test`;
    const password = "a fixture password";
    const user = await createAccount(this.auth.auth, { email, name, role, password });
    this.userIds.push(user.id);
    const { headers } = await this.auth.auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
    const cookie = headers
      .getSetCookie()
      .map((line) => line.split(";")[0])
      .join("; ");
    return { id: user.id, email, cookie };
  }

  connect() {
    return this.client.connect();
  }

  async user(role: UserRole = "annotator", name = "Test User"): Promise<string> {
    const id = randomUUID();
    await this.client.query(`INSERT INTO users (id, name, email, role, updated_at) VALUES ($1, $2, $3, $4, now())`, [
      id,
      name,
      `${id}@fixtures.test`,
      role,
    ]);
    this.userIds.push(id);
    return id;
  }

  /** A transcript whose stored scratchpad text is `scratchpadText` (one scratchpad block). */
  async transcript(scratchpadText: string): Promise<number> {
    const q = (sql: string, params: unknown[]) => this.client.query(sql, params).then((result) => result.rows[0].id as number);
    this.datasetId ??= await q(`INSERT INTO datasets (name) VALUES ($1) RETURNING id`, [`fixtures-${this.tag}`]);
    const settingId = await q(
      `INSERT INTO settings (slug, name) VALUES ($1, 'Fixture setting') ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [`fixture-${this.tag}`],
    );
    const variationId = await q(
      `INSERT INTO prompt_variations (setting_id, slug, name) VALUES ($1, 'default', 'Default') ON CONFLICT (setting_id, slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [settingId],
    );
    const modelId = await q(`INSERT INTO models (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [
      `fixture-model-${this.tag}`,
    ]);
    const unique = randomUUID();
    const queryId = await q(`INSERT INTO queries (text, text_hash) VALUES ('A fixture query', $1) RETURNING id`, [unique]);
    const pairId = await q(`INSERT INTO pairs (variation_id, model_id, query_id) VALUES ($1, $2, $3) RETURNING id`, [
      variationId,
      modelId,
      queryId,
    ]);
    this.pairIds.push(pairId);
    this.queryIds.push(queryId);
    const turns = [
      {
        role: "assistant",
        blocks: [
          {
            kind: "scratchpad",
            tag: "SCRATCHPAD_REASONING",
            closed: true,
            text: scratchpadText,
            segments: [{ kind: "reasoning", text: scratchpadText }],
          },
        ],
      },
    ];
    return q(
      `INSERT INTO transcripts (pair_id, dataset_id, condition, raw_messages, turns, scratchpad_text, content_hash, setting_id, variation_id, model_id, query_id)
       VALUES ($1, $2, 'training', '[]', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [pairId, this.datasetId, JSON.stringify(turns), scratchpadText, unique, settingId, variationId, modelId, queryId],
    );
  }

  async cleanup() {
    if (this.datasetId !== undefined) {
      await this.client.query(`DELETE FROM annotation_audit WHERE transcript_id IN (SELECT id FROM transcripts WHERE dataset_id = $1)`, [
        this.datasetId,
      ]);
      await this.client.query(`DELETE FROM transcripts WHERE dataset_id = $1`, [this.datasetId]);
      await this.client.query(`DELETE FROM datasets WHERE id = $1`, [this.datasetId]);
      await this.client.query(`DELETE FROM pairs WHERE id = ANY($1)`, [this.pairIds]);
      await this.client.query(`DELETE FROM queries WHERE id = ANY($1)`, [this.queryIds]);
      await this.client.query(`DELETE FROM models WHERE name = $1`, [`fixture-model-${this.tag}`]);
      await this.client.query(`DELETE FROM prompt_variations v USING settings s WHERE s.id = v.setting_id AND s.slug = $1`, [
        `fixture-${this.tag}`,
      ]);
      await this.client.query(`DELETE FROM settings WHERE slug = $1`, [`fixture-${this.tag}`]);
    }
    if (this.userIds.length) {
      // Team labelling rows (issue 6) reference users too.
      await this.client.query(`DELETE FROM team_audit WHERE actor_id = ANY($1)`, [this.userIds]);
      await this.client.query(`DELETE FROM adjudications WHERE decided_by_id = ANY($1)`, [this.userIds]);
      await this.client.query(`DELETE FROM label_queue_claims WHERE annotator_id = ANY($1)`, [this.userIds]);
      await this.client.query(`DELETE FROM label_queue_annotators WHERE user_id = ANY($1)`, [this.userIds]);
      await this.client.query(`DELETE FROM label_queues WHERE created_by_id = ANY($1)`, [this.userIds]);
      await this.client.query(`DELETE FROM annotation_audit WHERE actor_id = ANY($1)`, [this.userIds]);
      await this.client.query(`DELETE FROM annotations WHERE annotator_id = ANY($1)`, [this.userIds]);
      await this.client.query(`DELETE FROM label_schema_versions WHERE created_by_id = ANY($1)`, [this.userIds]);
      await this.client.query(`DELETE FROM users WHERE id = ANY($1)`, [this.userIds]);
      await this.auth?.close();
    }
    await this.client.end();
  }
}
