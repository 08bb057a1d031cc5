import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * proxy.ts does not run for /api: each route handler must check the session
 * itself, by being wrapped in withSession (lib/auth/route.ts), or, under
 * /api/v1, in withApiAuth (lib/api/route.ts: a bearer token or a session).
 * Only the files listed in PUBLIC_ROUTES may use publicApiRoute.
 */
const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const PUBLIC_ROUTES = new Set(["v1/openapi.json/route.ts", "health/route.ts", "ready/route.ts"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/** The exported HTTP methods of a route file that are not `export const X = withSession(...)` (or withApiAuth, or publicApiRoute when `publicAllowed`). */
export function unguardedHandlers(source: string, publicAllowed = false): string[] {
  const exported = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const|let|var)\s+([A-Z]+)\b/g)]
    .map((match) => match[1])
    .filter((name) => METHODS.includes(name));
  const guarded = new Set(
    [
      ...source.matchAll(
        publicAllowed
          ? /export\s+const\s+([A-Z]+)\s*=\s*(?:withSession|withApiAuth|publicApiRoute)\(/g
          : /export\s+const\s+([A-Z]+)\s*=\s*(?:withSession|withApiAuth)\(/g,
      ),
    ].map((match) => match[1]),
  );
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
  return [...exported.filter((name) => !guarded.has(name)), ...reexported];
}

describe("API route handlers", () => {
  it("are all wrapped in withSession or withApiAuth (publicApiRoute only where listed)", () => {
    const files = routeFiles(API_DIR);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const relative = path.relative(API_DIR, file);
      expect(unguardedHandlers(readFileSync(file, "utf8"), PUBLIC_ROUTES.has(relative)), relative).toEqual([]);
    }
  });

  it("the check notices an unguarded handler", () => {
    expect(
      unguardedHandlers(
        `export const GET = withSession("annotator", async () => x);\nexport async function POST() {}\nexport const PUT = handler;\nexport { DELETE }`,
      ),
    ).toEqual(["POST", "PUT", "DELETE"]);
    expect(
      unguardedHandlers(`export const GET = withApiAuth("lead", async () => x);\nexport const POST = publicApiRoute(async () => x);`),
    ).toEqual(["POST"]);
    expect(unguardedHandlers(`export const POST = publicApiRoute(async () => x);`, true)).toEqual([]);
  });
});
