import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkMapping, parseMapping, type Mapping, type MappingParse } from "./mapping";

/**
 * Mappings saved by name (table import_mappings), and the examples shipped in
 * docs/import/mappings/ (found by their file name, read-only). The import page
 * saves and loads them; the API takes one by name (?mapping=NAME).
 */
export const mappingNameSchema = z
  .string()
  .trim()
  .min(1, "give the mapping a name")
  .max(100, "at most 100 characters")
  .regex(/^[A-Za-z0-9][\w.\- ]*$/, "letters, digits, spaces, and . _ - (starting with a letter or digit)");

const SHIPPED_DIR = path.join(process.cwd(), "docs/import/mappings");

export interface StoredMappingInfo {
  name: string;
  description: string | null;
  shipped: boolean;
  text: string;
}

async function shippedMappings(): Promise<StoredMappingInfo[]> {
  const files = await readdir(SHIPPED_DIR).catch(() => [] as string[]);
  const found: StoredMappingInfo[] = [];
  for (const file of files.filter((f) => f.endsWith(".json")).sort()) {
    const text = await readFile(path.join(SHIPPED_DIR, file), "utf8");
    const parsed = parseMapping(text);
    found.push({ name: file.slice(0, -5), description: parsed.ok ? (parsed.mapping.description ?? null) : null, shipped: true, text });
  }
  return found;
}

export async function listMappings(): Promise<StoredMappingInfo[]> {
  const rows = await db().importMapping.findMany({ orderBy: { name: "asc" }, select: { name: true, description: true, mapping: true } });
  const saved = rows.map((row) => ({
    name: row.name,
    description: row.description,
    shipped: false,
    text: JSON.stringify(row.mapping, null, 2),
  }));
  const shipped = (await shippedMappings()).filter((m) => !saved.some((s) => s.name === m.name));
  return [...saved, ...shipped];
}

/** `text` is the mapping as stored (what a queued import carries in its payload). */
export type FoundMapping = { ok: true; mapping: Mapping; text: string } | { ok: false; message: string };

export async function findMapping(name: string): Promise<FoundMapping> {
  const all = await listMappings();
  const found = all.find((m) => m.name === name);
  if (!found)
    return { ok: false, message: `There is no stored mapping "${name}". Stored: ${all.map((m) => m.name).join(", ") || "none"}.` };
  const parsed = parseMapping(found.text);
  return parsed.ok
    ? { ...parsed, text: found.text }
    : { ok: false, message: `The stored mapping "${name}" is not valid: ${parsed.errors.join("; ")}` };
}

/** Saves (or replaces) a mapping under a name; a shipped example's name is taken. */
export async function saveMapping(name: string, mapping: unknown, userId: string): Promise<MappingParse> {
  const checked = checkMapping(mapping);
  if (!checked.ok) return checked;
  if ((await shippedMappings()).some((m) => m.name === name))
    return { ok: false, errors: [`"${name}" is a shipped example; save yours under another name`] };
  const json = mapping as Prisma.InputJsonValue;
  const description = checked.mapping.description ?? null;
  await db().importMapping.upsert({
    where: { name },
    create: { name, description, mapping: json, createdBy: userId },
    update: { description, mapping: json, createdBy: userId, updatedAt: new Date() },
  });
  return checked;
}
