/**
 * The migrations under prisma/migrations are hand-written SQL (Prisma's migrate
 * CLI cannot run offline here), so this test is what keeps them honest: it
 * builds the database from them (lib/db/test-global-setup.ts) and compares it,
 * both ways, with prisma/schema.prisma (via Prisma's DMMF): tables, enums,
 * columns (type, NOT NULL, DB default), primary keys, unique and plain indexes,
 * foreign keys (names, ON DELETE / ON UPDATE actions). See lib/db/schema-diff.ts.
 *
 * Rule for indexes: the database must have exactly the indexes the schema
 * implies (with Prisma's default names `<table>_pkey`, `<table>_<cols>_key`,
 * `<table>_<cols>_idx` unless `map:` is given), except indexes whose name starts
 * with `x_`. That prefix is reserved for indexes Prisma cannot express (GIN
 * trigram, full-text, expression indexes, ...) that later migrations add by hand.
 * Not compared: CHECK constraints and triggers.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSchemaAgainstDatabase, type Dmmf } from "@/lib/db/schema-diff";
import { unsupportedFields, type UnsupportedField } from "@/lib/db/schema-unsupported";
import { applyMigrations, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { testDatabaseUrl } from "@/lib/testing/database-url";

const url = testDatabaseUrl();
const schemaPath = path.resolve(import.meta.dirname, "schema.prisma");

let client: pg.Client;
let dmmf: Dmmf;
let unsupported: UnsupportedField[];

beforeAll(async () => {
  const schema = readFileSync(schemaPath, "utf8");
  dmmf = await internals.getDMMF({ datamodel: schema });
  unsupported = unsupportedFields(schema);
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

/** Runs `statements` in a transaction, diffs the result, and always rolls back. */
async function diffAfter(statements: string[]): Promise<string[]> {
  await client.query("BEGIN");
  try {
    for (const statement of statements) await client.query(statement);
    return (await diffSchemaAgainstDatabase(client, dmmf, unsupported)).sort();
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("prisma/schema.prisma vs the database the migrations build", () => {
  it("match", async () => {
    expect(await diffSchemaAgainstDatabase(client, dmmf, unsupported)).toEqual([]);
  });

  it("the check fails on a divergent database, and ignores x_ indexes", async () => {
    const differences = await diffAfter([
      "ALTER TABLE datasets ALTER COLUMN description SET NOT NULL",
      "CREATE INDEX oops ON datasets (name)",
      "CREATE INDEX x_datasets_name_lower ON datasets (lower(name))",
    ]);
    expect(differences).toEqual([
      "datasets.description: schema says nullable, database says NOT NULL",
      "datasets: database has index oops (name), schema does not (name it x_... if Prisma cannot express it)",
    ]);
    // Rolled back: the database matches again.
    expect(await diffSchemaAgainstDatabase(client, dmmf, unsupported)).toEqual([]);
  });

  it("a generated column's expression is not taken for a default, a real default still is", async () => {
    // GENERATED ALWAYS AS (...) STORED, which Prisma cannot express, passes; a plain column with a default differs.
    expect(
      await diffAfter([
        "ALTER TABLE transcripts DROP COLUMN search_vector",
        "ALTER TABLE transcripts ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, scratchpad_text)) STORED",
      ]),
    ).toEqual([]);
    const differences = await diffAfter([
      "ALTER TABLE transcripts DROP COLUMN search_vector",
      "ALTER TABLE transcripts ADD COLUMN search_vector tsvector DEFAULT ''::tsvector",
    ]);
    expect(differences).toEqual(["transcripts.search_vector: schema has no database default, database says DEFAULT ''::tsvector"]);
    // Unsupported("tsvector") fields are missing from Prisma's DMMF: their type and nullability are still checked.
    expect(
      await diffAfter([
        "ALTER TABLE transcripts DROP COLUMN search_vector",
        "ALTER TABLE transcripts ADD COLUMN search_vector text NOT NULL DEFAULT ''",
      ]),
    ).toEqual([
      "transcripts.search_vector: schema has no database default, database says DEFAULT ''::text",
      "transcripts.search_vector: schema says nullable, database says NOT NULL",
      "transcripts.search_vector: schema says type tsvector, database says text",
    ]);
  });

  it("every kind of difference is reported", async () => {
    const differences = await diffAfter([
      "CREATE TABLE stray (id integer)",
      `CREATE TYPE "Mood" AS ENUM ('calm')`,
      `ALTER TYPE "Condition" ADD VALUE 'audit'`,
      "ALTER TABLE models ADD COLUMN extra text",
      "ALTER TABLE queries DROP COLUMN text_hash",
      "ALTER TABLE prompt_variations ALTER COLUMN name DROP NOT NULL",
      "ALTER TABLE transcripts ALTER COLUMN created_at TYPE timestamp(3)",
      "ALTER TABLE transcripts ALTER COLUMN format_issues TYPE varchar(20)[]",
      "ALTER TABLE transcripts ALTER COLUMN scratchpad_text SET DEFAULT 'x'",
      "ALTER TABLE pairs ALTER COLUMN sample_index DROP DEFAULT",
      "ALTER TABLE settings ALTER COLUMN description SET DEFAULT 'none'",
      "DROP INDEX transcripts_condition_idx",
      "DROP INDEX settings_slug_key",
      "CREATE UNIQUE INDEX settings_slug_key ON settings (slug DESC)",
      "ALTER TABLE pairs DROP CONSTRAINT pairs_model_id_fkey",
      "ALTER TABLE transcripts DROP CONSTRAINT transcripts_dataset_id_fkey",
      "ALTER TABLE transcripts ADD CONSTRAINT transcripts_dataset_fk FOREIGN KEY (dataset_id) REFERENCES datasets (id) ON DELETE RESTRICT ON UPDATE NO ACTION",
      "ALTER TABLE models ADD FOREIGN KEY (id) REFERENCES settings (id)",
    ]);
    expect(differences).toEqual(
      [
        "stray: database has this table, schema does not",
        "enum Mood: database has this enum, schema does not",
        "enum Condition: schema says (training, deployment), database says (training, deployment, audit)",
        "models.extra: database has this column, schema does not",
        "queries.text_hash: schema has this column, database does not",
        "queries: schema has unique index queries_text_hash_key (text_hash), database does not",
        "prompt_variations.name: schema says NOT NULL, database says nullable",
        "transcripts.created_at: schema says type timestamp(3) with time zone, database says timestamp(3) without time zone",
        "transcripts.format_issues: schema says type text[], database says character varying(20)[]",
        `transcripts.scratchpad_text: schema says @default(""), database says DEFAULT 'x'::text`,
        "pairs.sample_index: schema says @default(0), database has no default",
        "settings.description: schema has no database default, database says DEFAULT 'none'::text",
        "transcripts: schema has index transcripts_condition_idx (condition), database does not",
        "settings: schema says unique index settings_slug_key (slug), database says unique index settings_slug_key (slug DESC)",
        "pairs(model_id) → models(id): schema has this foreign key, database does not",
        "transcripts(dataset_id) → datasets(id): schema implies the name transcripts_dataset_id_fkey, database says transcripts_dataset_fk",
        "transcripts(dataset_id) → datasets(id): schema says ON DELETE CASCADE, database says ON DELETE RESTRICT",
        "transcripts(dataset_id) → datasets(id): schema says ON UPDATE CASCADE, database says ON UPDATE NO ACTION",
        "models(id) → settings(id): database has this foreign key, schema does not",
      ].sort(),
    );
  });
});

describe("the migration runner", () => {
  const migrationNames = readdirSync(MIGRATIONS_DIR)
    .filter((name) => existsSync(path.join(MIGRATIONS_DIR, name, "migration.sql")))
    .sort();

  it("recorded every migration in _prisma_migrations with Prisma's checksum", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished: boolean; rolled_back: boolean }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
         FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const expected = migrationNames.map((name) => ({
      migration_name: name,
      checksum: createHash("sha256")
        .update(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql")))
        .digest("hex"),
      finished: true,
      rolled_back: false,
    }));
    expect(rows).toEqual(expected);
  });

  it("applies nothing when run again", async () => {
    const count = async () => (await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`)).rows[0].n;
    const before = await count();
    expect(await applyMigrations(url)).toEqual([]);
    expect(await count()).toBe(before);
  });
});
