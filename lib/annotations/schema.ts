import "server-only";
import { db } from "@/lib/db/client";
import { conflict } from "@/lib/server/errors";
import { DEFAULT_LABELS } from "./default-schema";
import { labelSetSchema, savableLabelSetSchema, type LabelDefinition, type LabelSchema } from "./schema-definition";

/** Versions never change once written, so each is read from the database once per process. */
const versionCache = new Map<number, LabelDefinition[]>();

function parseLabels(version: number, labels: unknown): LabelDefinition[] {
  const parsed = labelSetSchema.safeParse(labels);
  if (!parsed.success) throw new Error(`Label schema version ${version} in the database is not valid: ${parsed.error.message}`);
  versionCache.set(version, parsed.data);
  return parsed.data;
}

/** The labels of one version, or null if there is no such version. */
export async function getSchemaVersion(version: number): Promise<LabelSchema | null> {
  const cached = versionCache.get(version);
  if (cached) return { version, labels: cached };
  const read = () => db().labelSchemaVersion.findUnique({ where: { version }, select: { labels: true } });
  let row = await read();
  // Version 1 is written on first use (e.g. a save through the API before any page was shown).
  if (!row && version === 1) {
    await getCurrentSchema();
    row = await read();
  }
  return row ? { version, labels: parseLabels(version, row.labels) } : null;
}

/** The newest version; the first call on an empty database writes the paper's default schema as version 1. */
export async function getCurrentSchema(): Promise<LabelSchema> {
  const latest = await db().labelSchemaVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true, labels: true } });
  if (latest) return { version: latest.version, labels: versionCache.get(latest.version) ?? parseLabels(latest.version, latest.labels) };
  await db().labelSchemaVersion.createMany({
    data: [{ version: 1, labels: DEFAULT_LABELS, note: "The paper's labels (default schema)." }],
    skipDuplicates: true,
  });
  return getCurrentSchema();
}

export interface SchemaVersionSummary {
  version: number;
  note: string | null;
  createdAt: Date;
  createdBy: string | null;
  labelCount: number;
  annotationCount: number;
}

export async function listSchemaVersions(): Promise<SchemaVersionSummary[]> {
  await getCurrentSchema(); // make sure version 1 exists
  const rows = await db().labelSchemaVersion.findMany({
    orderBy: { version: "desc" },
    select: {
      version: true,
      note: true,
      createdAt: true,
      labels: true,
      createdBy: { select: { name: true } },
      _count: { select: { annotations: true } },
    },
  });
  return rows.map((row) => ({
    version: row.version,
    note: row.note,
    createdAt: row.createdAt,
    createdBy: row.createdBy?.name ?? null,
    labelCount: Array.isArray(row.labels) ? row.labels.length : 0,
    annotationCount: row._count.annotations,
  }));
}

/**
 * Writes `labels` as version baseVersion + 1. The version is the primary key:
 * if another lead saved that version first, this one is refused, not merged.
 */
export async function createSchemaVersion(input: {
  baseVersion: number;
  labels: LabelDefinition[];
  note: string;
  userId: string;
}): Promise<number> {
  const current = await getCurrentSchema();
  if (current.version !== input.baseVersion) {
    throw conflict(
      `The schema changed meanwhile (now version ${current.version}; you edited version ${input.baseVersion}). Reload and make your change again.`,
    );
  }
  const labels = savableLabelSetSchema.parse(input.labels);
  const version = input.baseVersion + 1;
  const { count } = await db().labelSchemaVersion.createMany({
    data: [{ version, labels, note: input.note || null, createdById: input.userId }],
    skipDuplicates: true,
  });
  if (count === 0) throw conflict(`Someone saved version ${version} a moment ago. Reload and make your change again.`);
  versionCache.set(version, labels);
  return version;
}
