import type internals from "@prisma/internals";
import type pg from "pg";
import type { UnsupportedField } from "./schema-unsupported";

/**
 * Compares the database a connection sees (its current schema) with what
 * `prisma/schema.prisma` says it should be, and returns one readable line per
 * difference, e.g. `transcripts.final_output: schema says nullable, database says NOT NULL`.
 * Used by prisma/schema.db.test.ts: migrations are hand-written SQL, so nothing
 * else checks that they produce the schema Prisma expects.
 *
 * Compared both ways: tables, enum types and values, columns (type incl.
 * precision, NOT NULL, DB-level default), primary keys, unique and plain
 * indexes (columns in order, sort order, method), foreign keys (columns,
 * referenced columns, ON DELETE / ON UPDATE). Left alone: Prisma's
 * `_prisma_migrations`, indexes named `x_...` (see EXTRA_INDEX_PREFIX), CHECK
 * constraints, triggers, sequences and views. Foreign keys must have Prisma's
 * default name `<table>_<cols>_fkey`: the DMMF does not expose a relation's
 * `map:`, so a schema that uses one needs teaching here. A generated column
 * (GENERATED ALWAYS AS ... STORED, which Prisma cannot express; declare it as an
 * optional `Unsupported(...)` field) has no default: its expression is not compared.
 */
export type Dmmf = Awaited<ReturnType<typeof internals.getDMMF>>;
type Datamodel = Dmmf["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

/** Indexes Prisma cannot express (GIN trigram, full-text, ...) are named `x_...` and may exist unlisted. */
export const EXTRA_INDEX_PREFIX = "x_";
const IGNORED_TABLES = new Set(["_prisma_migrations"]);
const MAX_IDENTIFIER_BYTES = 63; // PostgreSQL's NAMEDATALEN - 1; Prisma truncates default names to fit

interface DbColumn {
  table: string;
  column: string;
  type: string;
  notNull: boolean;
  default: string | null;
}
interface DbIndex {
  name: string;
  table: string;
  primary: boolean;
  unique: boolean;
  method: string;
  partial: boolean;
  columns: string[];
}
interface DbForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export async function diffSchemaAgainstDatabase(
  client: pg.ClientBase,
  dmmf: Dmmf,
  unsupported: UnsupportedField[] = [],
): Promise<string[]> {
  const db = await readDatabase(client);
  const { models, enums, indexes } = dmmf.datamodel;
  const differences: string[] = [];
  const tableOf = (model: Model) => model.dbName ?? model.name;
  const modelByName = new Map(models.map((model) => [model.name, model]));
  const columnOf = (model: Model, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field ? columnName(field) : `?${fieldName}`;
  };

  // Tables
  const schemaTables = new Set(models.map(tableOf));
  for (const table of schemaTables) if (!db.tables.has(table)) differences.push(`${table}: schema has this table, database does not`);
  for (const table of db.tables) if (!schemaTables.has(table)) differences.push(`${table}: database has this table, schema does not`);

  // Enums
  const schemaEnums = new Map(enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  for (const [name, values] of schemaEnums) {
    const actual = db.enums.get(name);
    if (!actual) differences.push(`enum ${name}: schema has this enum, database does not`);
    else if (actual.join(",") !== values.join(","))
      differences.push(`enum ${name}: schema says (${values.join(", ")}), database says (${actual.join(", ")})`);
  }
  for (const name of db.enums.keys()) if (!schemaEnums.has(name)) differences.push(`enum ${name}: database has this enum, schema does not`);

  // Columns
  for (const model of models) {
    const table = tableOf(model);
    if (!db.tables.has(table)) continue;
    const scalars = [
      ...model.fields.filter((field) => field.kind !== "object"),
      ...unsupported.filter((u) => u.model === model.name).map(asField),
    ];
    for (const field of scalars) {
      const where = `${table}.${columnName(field)}`;
      const actual = db.columns.get(`${table}.${columnName(field)}`);
      if (!actual) {
        differences.push(`${where}: schema has this column, database does not`);
        continue;
      }
      const expectedType = field.kind === "unsupported" ? field.type : postgresType(field, enums);
      if (expectedType !== undefined && expectedType !== actual.type)
        differences.push(`${where}: schema says type ${expectedType}, database says ${actual.type}`);
      if (!field.isList && field.isRequired !== actual.notNull) {
        differences.push(
          `${where}: schema says ${field.isRequired ? "NOT NULL" : "nullable"}, database says ${actual.notNull ? "NOT NULL" : "nullable"}`,
        );
      }
      const defaultProblem = compareDefault(field, actual.default, enums);
      if (defaultProblem) differences.push(`${where}: ${defaultProblem}`);
    }
    const known = new Set(scalars.map(columnName));
    for (const column of db.columns.values()) {
      if (column.table === table && !known.has(column.column))
        differences.push(`${table}.${column.column}: database has this column, schema does not`);
    }
  }

  // Primary keys, unique and plain indexes
  const expectedIndexes = new Map<string, DbIndex>();
  for (const index of indexes) {
    const model = modelByName.get(index.model);
    if (!model || (index.type !== "id" && index.type !== "unique" && index.type !== "normal")) continue;
    const table = tableOf(model);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    const suffix = index.type === "id" ? "_pkey" : index.type === "unique" ? "_key" : "_idx";
    const name = index.dbName ?? prismaDefaultName(index.type === "id" ? table : `${table}_${columns.join("_")}`, suffix);
    expectedIndexes.set(name, {
      name,
      table,
      primary: index.type === "id",
      unique: index.type !== "normal",
      method: (index.algorithm ?? "BTree").toLowerCase(),
      partial: false,
      columns: index.fields.map((f, i) => columns[i] + (f.sortOrder === "desc" ? " DESC" : "")),
    });
  }
  const actualIndexes = new Map(db.indexes.filter((i) => !i.name.startsWith(EXTRA_INDEX_PREFIX)).map((i) => [i.name, i]));
  for (const [name, expected] of expectedIndexes) {
    const actual = actualIndexes.get(name);
    if (!actual) differences.push(`${expected.table}: schema has ${describeIndex(expected)}, database does not`);
    else if (describeIndex(actual) !== describeIndex(expected) || actual.table !== expected.table) {
      const elsewhere = actual.table !== expected.table ? ` on table ${actual.table}` : "";
      differences.push(`${expected.table}: schema says ${describeIndex(expected)}, database says ${describeIndex(actual)}${elsewhere}`);
    }
  }
  for (const [name, actual] of actualIndexes) {
    if (!expectedIndexes.has(name))
      differences.push(
        `${actual.table}: database has ${describeIndex(actual)}, schema does not (name it ${EXTRA_INDEX_PREFIX}... if Prisma cannot express it)`,
      );
  }

  // Foreign keys, keyed by what they connect
  const expectedKeys = new Map<string, DbForeignKey>();
  for (const model of models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = modelByName.get(field.type)!;
      const columns = field.relationFromFields.map((name) => columnOf(model, name));
      const fk: DbForeignKey = {
        name: prismaDefaultName(`${tableOf(model)}_${columns.join("_")}`, "_fkey"),
        table: tableOf(model),
        columns,
        refTable: tableOf(target),
        refColumns: (field.relationToFields ?? []).map((name) => columnOf(target, name)),
        // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
        onDelete: referentialAction(field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")),
        onUpdate: referentialAction(field.relationOnUpdate ?? "Cascade"),
      };
      expectedKeys.set(describeForeignKey(fk), fk);
    }
  }
  const actualKeys = new Map(db.foreignKeys.map((fk) => [describeForeignKey(fk), fk]));
  for (const [key, expected] of expectedKeys) {
    const actual = actualKeys.get(key);
    if (!actual) differences.push(`${key}: schema has this foreign key, database does not`);
    else {
      if (actual.name !== expected.name) differences.push(`${key}: schema implies the name ${expected.name}, database says ${actual.name}`);
      for (const action of ["onDelete", "onUpdate"] as const) {
        const label = action === "onDelete" ? "ON DELETE" : "ON UPDATE";
        if (actual[action] !== expected[action])
          differences.push(`${key}: schema says ${label} ${expected[action]}, database says ${label} ${actual[action]}`);
      }
    }
  }
  for (const key of actualKeys.keys())
    if (!expectedKeys.has(key)) differences.push(`${key}: database has this foreign key, schema does not`);

  return differences;
}

const columnName = (field: Field) => field.dbName ?? field.name;

/** `<base><suffix>`, the base cut so the whole fits PostgreSQL's 63 bytes, as Prisma names constraints. */
function prismaDefaultName(base: string, suffix: string) {
  const limit = MAX_IDENTIFIER_BYTES - suffix.length;
  let cut = base;
  while (Buffer.byteLength(cut) > limit) cut = cut.slice(0, -1);
  return cut + suffix;
}

function describeIndex(index: DbIndex) {
  const kind = index.primary ? "primary key" : index.unique ? "unique index" : "index";
  const extras = [index.method !== "btree" ? `using ${index.method}` : "", index.partial ? "partial" : ""].filter(Boolean);
  return `${kind} ${index.name} (${index.columns.join(", ")})${extras.length ? " " + extras.join(" ") : ""}`;
}

function describeForeignKey(fk: DbForeignKey) {
  return `${fk.table}(${fk.columns.join(", ")}) → ${fk.refTable}(${fk.refColumns.join(", ")})`;
}

function referentialAction(prismaAction: string) {
  const actions: Record<string, string> = {
    Cascade: "CASCADE",
    Restrict: "RESTRICT",
    NoAction: "NO ACTION",
    SetNull: "SET NULL",
    SetDefault: "SET DEFAULT",
  };
  return actions[prismaAction] ?? `unknown action ${prismaAction}`;
}

/** The column type as the database query below renders it (format_type, enums as `enum <name>`). */
function postgresType(field: Field, enums: Datamodel["enums"]): string {
  const array = field.isList ? "[]" : "";
  if (field.kind === "enum") {
    const enumDef = enums.find((e) => e.name === field.type);
    return `enum ${enumDef?.dbName ?? field.type}${array}`;
  }
  const [native, args = []] = field.nativeType ?? [];
  const withArgs = (name: string) => (args.length ? `${name}(${args.join(",")})` : name);
  const time = (name: string, zone: string) => (args.length ? `${name}(${args[0]}) ${zone}` : `${name} ${zone}`);
  const nativeTypes: Record<string, () => string> = {
    Text: () => "text",
    VarChar: () => withArgs("character varying"),
    Char: () => withArgs("character"),
    Uuid: () => "uuid",
    Xml: () => "xml",
    Inet: () => "inet",
    Citext: () => "citext",
    Bit: () => withArgs("bit"),
    VarBit: () => withArgs("bit varying"),
    SmallInt: () => "smallint",
    Integer: () => "integer",
    Oid: () => "oid",
    BigInt: () => "bigint",
    Real: () => "real",
    DoublePrecision: () => "double precision",
    Decimal: () => withArgs("numeric"),
    Money: () => "money",
    Timestamp: () => time("timestamp", "without time zone"),
    Timestamptz: () => time("timestamp", "with time zone"),
    Date: () => "date",
    Time: () => time("time", "without time zone"),
    Timetz: () => time("time", "with time zone"),
    Json: () => "json",
    JsonB: () => "jsonb",
    ByteA: () => "bytea",
    Boolean: () => "boolean",
  };
  const scalarTypes: Record<string, string> = {
    Int: "integer",
    String: "text",
    Boolean: "boolean",
    DateTime: "timestamp(3) without time zone",
    Json: "jsonb",
    Float: "double precision",
    BigInt: "bigint",
    Decimal: "numeric(65,30)",
    Bytes: "bytea",
  };
  const base = native
    ? (nativeTypes[native]?.() ?? `unknown native type @db.${native} (teach lib/db/schema-diff.ts)`)
    : scalarTypes[field.type];
  return (base ?? `unknown type ${field.type} (teach lib/db/schema-diff.ts)`) + array;
}

const CLIENT_SIDE_DEFAULTS = new Set(["uuid", "cuid", "nanoid", "ulid"]);

/** An Unsupported("...") field as the DMMF would describe it: its type is the database type. */
function asField(field: UnsupportedField): Field {
  return {
    name: field.name,
    dbName: field.column,
    kind: "unsupported",
    type: field.dbType,
    isRequired: !field.optional,
    isList: false,
    hasDefaultValue: false,
  } as unknown as Field;
}

/** A problem with the column's DB-level default, or undefined. */
function compareDefault(field: Field, actual: string | null, enums: Datamodel["enums"]): string | undefined {
  const value = field.default as unknown;
  const fn =
    value !== null && typeof value === "object" && !Array.isArray(value) ? (value as { name: string; args: unknown[] }) : undefined;
  const expectsDefault = field.hasDefaultValue && value !== undefined && !(fn && CLIENT_SIDE_DEFAULTS.has(fn.name));
  if (!expectsDefault) return actual === null ? undefined : `schema has no database default, database says DEFAULT ${actual}`;
  const wanted = fn ? `${fn.name}(${fn.args.map((a) => JSON.stringify(a)).join(", ")})` : JSON.stringify(value);
  if (actual === null) return `schema says @default(${wanted}), database has no default`;
  const mismatch = `schema says @default(${wanted}), database says DEFAULT ${actual}`;
  if (fn?.name === "autoincrement") return /^nextval\(/.test(actual) ? undefined : mismatch;
  if (fn?.name === "now") return /^(CURRENT_TIMESTAMP|now\(\))$/i.test(actual) ? undefined : mismatch;
  if (fn) return undefined; // dbgenerated(...) and the like: PostgreSQL rewrites the expression; presence is what we can check
  if (field.type === "DateTime" || field.type === "Bytes") return undefined; // literal renderings vary
  const enumDef = field.kind === "enum" ? enums.find((e) => e.name === field.type) : undefined;
  const literal = (v: unknown): string => {
    if (enumDef) return quote(enumDef.values.find((ev) => ev.name === v)?.dbName ?? String(v));
    if (typeof v === "string" && !["Int", "BigInt", "Float", "Decimal"].includes(field.type)) return quote(v);
    return String(v);
  };
  const expected = Array.isArray(value) ? `ARRAY[${value.map(literal).join(", ")}]` : literal(value);
  return sameLiteral(normaliseDefault(actual), expected) ? undefined : mismatch;
}

function quote(text: string) {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Drops PostgreSQL's casts (`''::text`, `'training'::"Condition"`, `ARRAY[]::text[]`) and quotes around numbers. */
function normaliseDefault(expr: string) {
  return expr
    .replace(/::(?:"[^"]+"|[a-z_][a-z0-9_ ]*(?:\(\d+(?:,\s*\d+)?\))?)(?:\[\])*/gi, "")
    .replace(/^\((.*)\)$/, "$1")
    .replace(/'(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)'/gi, "$1")
    .trim();
}

function sameLiteral(actual: string, expected: string) {
  if (actual === expected) return true;
  return actual !== "" && expected !== "" && !Number.isNaN(Number(actual)) && Number(actual) === Number(expected);
}

async function readDatabase(client: pg.ClientBase) {
  const ignored = [...IGNORED_TABLES];
  const tableFilter = `n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT (c.relname = ANY($1::text[]))`;
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${tableFilter}`,
    [ignored],
  );
  const enums = await client.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname`,
  );
  const columns = await client.query<DbColumn>(
    `SELECT c.relname AS table, a.attname AS column, a.attnotnull AS "notNull",
            CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, d.adrelid) END AS default,
            CASE WHEN bt.typtype = 'e' THEN 'enum ' || bt.typname || CASE WHEN t.typcategory = 'A' THEN '[]' ELSE '' END
                 ELSE format_type(a.atttypid, a.atttypmod) END AS type
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       JOIN pg_type bt ON bt.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE ${tableFilter} AND a.attnum > 0 AND NOT a.attisdropped`,
    [ignored],
  );
  const indexes = await client.query<DbIndex>(
    `SELECT ic.relname AS name, c.relname AS table, i.indisprimary AS primary, i.indisunique AS unique, am.amname AS method,
            i.indpred IS NOT NULL AS partial,
            ARRAY(SELECT COALESCE(a.attname::text, '(' || pg_get_indexdef(i.indexrelid, k.ord::int, true) || ')')
                         || CASE WHEN i.indoption[k.ord - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                    FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum <> 0
                   WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
       JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${tableFilter}`,
    [ignored],
  );
  const attnames = (rel: string, keys: string) =>
    `ARRAY(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum ORDER BY k.ord)`;
  const actionName = (column: string) =>
    `CASE ${column} WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END`;
  const foreignKeys = await client.query<DbForeignKey>(
    `SELECT con.conname AS name, c.relname AS table, ${attnames("con.conrelid", "con.conkey")} AS columns,
            rc.relname AS "refTable", ${attnames("con.confrelid", "con.confkey")} AS "refColumns",
            ${actionName("con.confdeltype")} AS "onDelete", ${actionName("con.confupdtype")} AS "onUpdate"
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_class rc ON rc.oid = con.confrelid
      WHERE con.contype = 'f' AND ${tableFilter}`,
    [ignored],
  );
  return {
    tables: new Set(tables.rows.map((row) => row.name)),
    enums: new Map(enums.rows.map((row) => [row.name, row.labels])),
    columns: new Map(columns.rows.map((row) => [`${row.table}.${row.column}`, row])),
    indexes: indexes.rows,
    foreignKeys: foreignKeys.rows,
  };
}
