import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The app's entry points and what they reach, read from the source (for
 * lib/access/enumeration.test.ts): every page (app/**\/page.tsx), every route
 * handler (app/**\/route.ts) and every server action module ("use server").
 * Pure functions over a `read` callback, so the test can show on made-up
 * files that each check fails when it should.
 */
export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface SourceTree {
  /** Project-relative paths of every source file. */
  files: string[];
  read(file: string): string;
}

export function projectTree(root = ROOT): SourceTree {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
      const relative = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.push(relative);
    }
  };
  for (const dir of ["app", "lib", "components"]) if (existsSync(path.join(root, dir))) walk(dir);
  return { files, read: (file) => readFileSync(path.join(root, file), "utf8") };
}

export const isPage = (file: string) => /^app\/(.+\/)?page\.tsx$/.test(file);
export const isRoute = (file: string) => /^app\/(.+\/)?route\.ts$/.test(file);
export const isActionModule = (source: string) => /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source);

/** Comments out of the way (a comment saying "from transcripts" is not a query). */
function code(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/[^\n]*/g, "$1");
}

/**
 * The tables that hold transcript data (texts, pairs, labels, annotations,
 * consensus, adjudications, queue contents, exports, background jobs and
 * uploaded files): a module whose code reads or writes one of them, in SQL or
 * through Prisma, touches transcript data.
 */
const TABLES = [
  "transcripts",
  "pairs",
  "queries",
  "source_labels",
  "annotations",
  "annotation_spans",
  "annotation_audit",
  "adjudications",
  "transcript_consensus",
  // The consensus rule computed live (migration 20261203660000): the test's and the backfill's reference.
  "transcript_consensus_live",
  "transcript_consensus_of",
  "label_signatures",
  "label_rate_counts",
  "label_queue_items",
  "label_queue_claims",
  "export_jobs",
  // Background jobs: an import's payload holds whole system prompts, an upload is a file of transcripts.
  "jobs",
  "uploads",
  // Judges (issue 15): predictions are labels of transcripts; samples hold the model's reading of them.
  "judges",
  "judge_runs",
  "judge_samples",
  "judge_predictions",
  "provider_secrets",
];
const MODELS = [
  "transcript",
  "pair",
  "query",
  "sourceLabel",
  "annotation",
  "annotationSpan",
  "annotationAudit",
  "adjudication",
  "labelSignature",
  "labelQueueItem",
  "labelQueueClaim",
  "exportJob",
  "job",
  "upload",
  "judge",
  "judgeRun",
  "judgeSample",
  "judgePrediction",
  "providerSecret",
];
const SQL_TABLE = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE)\\s+"?(${TABLES.join("|")})"?\\b`);
const PRISMA_MODEL = new RegExp(
  `\\.(${MODELS.join("|")})\\.(?:find\\w*|count|aggregate|groupBy|create\\w*|update\\w*|upsert|delete\\w*)\\(`,
);

export function touchesTranscriptData(source: string): string | null {
  const body = code(source);
  const match = SQL_TABLE.exec(body) ?? PRISMA_MODEL.exec(body);
  return match ? match[0].trim() : null;
}

/** The modules a file imports at run time (type-only imports are erased, so they reach nothing). */
export function runtimeImports(source: string): string[] {
  const specifiers: string[] = [];
  const body = code(source);
  for (const match of body.matchAll(/(?:^|[\n;])\s*import\s+(type\s+)?([^;"'`]*?)\s*from\s*["']([^"']+)["']/g)) {
    const [, typeOnly, clause, specifier] = match;
    if (typeOnly) continue;
    const named = /^\{([\s\S]*)\}$/.exec(clause.trim());
    if (named && named[1].split(",").every((item) => !item.trim() || /^type\s/.test(item.trim()))) continue;
    specifiers.push(specifier);
  }
  for (const match of body.matchAll(/(?:^|[\n;])\s*import\s*["']([^"']+)["']/g)) specifiers.push(match[1]);
  for (const match of body.matchAll(/(?:^|[\n;])\s*export\s+(type\s+)?(?:\*|\{[^}]*\})\s*from\s*["']([^"']+)["']/g)) {
    if (!match[1]) specifiers.push(match[2]);
  }
  for (const match of body.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specifiers.push(match[1]);
  return specifiers;
}

/** A specifier as a project file, or null (a package). */
export function resolveImport(from: string, specifier: string, exists: (file: string) => boolean): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.(ts|tsx)$/.test(candidate) && exists(candidate)) return candidate;
  }
  return null;
}

/** The visibility layer: reaching data through it is the point; what it reaches is its business. */
export const GATE = "lib/access/";

/**
 * Every path from `entry` to a module that touches transcript data without
 * passing through the visibility layer, as "entry → ... → module (what it touches)".
 */
export function ungatedReach(entry: string, tree: SourceTree): string[] {
  const known = new Set(tree.files);
  const exists = (file: string) => known.has(file);
  const seen = new Set<string>();
  const found: string[] = [];
  const visit = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.startsWith(GATE)) return;
    const source = tree.read(file);
    const touched = touchesTranscriptData(source);
    if (touched) found.push(`${[...trail, file].join(" → ")} (${touched})`);
    for (const specifier of runtimeImports(source)) {
      const target = resolveImport(file, specifier, exists);
      if (target) visit(target, [...trail, file]);
    }
  };
  visit(entry, []);
  return found;
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The HTTP methods a route file exports that are not `export const METHOD = route(...)`. */
export function unwrappedRouteMethods(source: string): string[] {
  const exported = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const|let|var)\s+([A-Z]+)\b/g)]
    .map((match) => match[1])
    .filter((name) => METHODS.includes(name));
  const wrapped = new Set([...source.matchAll(/export\s+const\s+([A-Z]+)\s*=\s*route\(/g)].map((match) => match[1]));
  const reexported = [...source.matchAll(/export\s*\{([^}]*)\}/g)]
    .flatMap((match) =>
      match[1].split(",").map((name) =>
        name
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
      ),
    )
    .filter((name) => METHODS.includes(name));
  return [...exported.filter((name) => !wrapped.has(name)), ...reexported];
}

/** Routes that answer without credentials: `auth: "public"`. */
export const isPublicRoute = (source: string) => /route\(\s*\{[^}]*auth:\s*"public"/.test(source);

/** A page's default export must be `page(...)` (or `publicPage(...)`). */
export function pageWrapper(source: string): "page" | "publicPage" | null {
  const match = /export\s+default\s+(page|publicPage)\(/.exec(source);
  return match ? (match[1] as "page" | "publicPage") : null;
}

/** An action module's exported values that are not `export const name = action(...)` (or publicAction). */
export function unwrappedActions(source: string): { name: string; wrapper: "action" | "publicAction" | null }[] {
  const exports = [...source.matchAll(/export\s+(?:async\s+)?(function|const|let|var|class)\s+(\w+)(\s*=\s*(action|publicAction)\()?/g)];
  return exports.map((match) => ({ name: match[2], wrapper: (match[4] as "action" | "publicAction" | undefined) ?? null }));
}

/** `"use server"` inside a function: an inline action, which belongs in a lib/ action module instead. */
export function inlineServerActions(source: string): number {
  const body = code(source);
  const all = [...body.matchAll(/["']use server["']/g)].length;
  return isActionModule(source) ? all - 1 : all;
}
