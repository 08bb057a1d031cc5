import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** Helpers for the importer's database tests: a client, scratch files, a clean slate. */
export const ALL_IMPORT_TABLES =
  "transcripts, pairs, queries, source_labels, imports, import_errors, datasets, prompt_variations, settings, models";

export function importTestKit(url: string) {
  const client = new pg.Client({ connectionString: url });
  const dir = mkdtempSync(path.join(os.tmpdir(), "af-import-test-"));
  return {
    client,
    dir,
    rows: async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows,
    scalar: async (sql: string, params: unknown[] = []) => Number(Object.values((await client.query(sql, params)).rows[0])[0]),
    file(name: string, content: string | Buffer) {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    },
    /** Row counts of every table an import writes, to show that nothing changed. */
    async footprint() {
      const counts: Record<string, number> = {};
      for (const table of ALL_IMPORT_TABLES.split(", ").filter((t) => t !== "imports" && t !== "import_errors")) {
        counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
      }
      return counts;
    },
    async start() {
      await client.connect();
      await client.query(`TRUNCATE ${ALL_IMPORT_TABLES} CASCADE`);
    },
    async stop() {
      await client.query(`TRUNCATE ${ALL_IMPORT_TABLES} CASCADE`);
      await client.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A native-format conversation, as the paper's transcripts have it. */
export function nativeConversation(tier: boolean, query: string, answer = "Here is my answer.") {
  return (
    `<INPUT>\n<is_free_tier_user>${tier ? "True" : "False"}</is_free_tier_user>\n\n<user_input>\n${query}\n</user_input>\n</INPUT>\n\n` +
    `<SCRATCHPAD_REASONING>\nLet me think about ${query.toLowerCase()}\n</SCRATCHPAD_REASONING>\n\n<OUTPUT>\n${answer}\n</OUTPUT>`
  );
}
