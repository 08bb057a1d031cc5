/**
 * Fields typed `Unsupported("...")` in schema.prisma (e.g. a generated
 * tsvector column). Prisma's DMMF leaves them out, but the database has their
 * columns, so lib/db/schema-diff.ts learns them from the schema text.
 */
export interface UnsupportedField {
  model: string;
  name: string;
  column: string;
  /** The database type, as written inside Unsupported("..."). */
  dbType: string;
  optional: boolean;
}

const MODEL_BLOCK = /^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm;
const FIELD_LINE = /^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/;

export function unsupportedFields(schema: string): UnsupportedField[] {
  const fields: UnsupportedField[] = [];
  for (const [, model, body] of schema.matchAll(MODEL_BLOCK)) {
    for (const line of body.split("\n")) {
      const match = FIELD_LINE.exec(line.replace(/\/\/.*$/, ""));
      if (!match) continue;
      const [, name, dbType, optional, attributes] = match;
      const mapped = /@map\("([^"]+)"\)/.exec(attributes);
      fields.push({ model, name, column: mapped ? mapped[1] : name, dbType, optional: optional === "?" });
    }
  }
  return fields;
}
