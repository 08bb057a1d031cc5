import { describe, expect, it } from "vitest";
import {
  inlineServerActions,
  isActionModule,
  isPage,
  isPublicRoute,
  isRoute,
  pageWrapper,
  projectTree,
  touchesTranscriptData,
  ungatedReach,
  unwrappedActions,
  unwrappedRouteMethods,
  type SourceTree,
} from "@/lib/testing/entries";

/**
 * Every page, route handler and server action of the app, read from the
 * source: each goes through its one wrapper (page / route / action: the
 * session, the role, the Origin check, zod, the error contract), and none
 * reaches transcript data (transcripts, pairs, labels, annotations,
 * consensus, adjudications, queue contents, exports) except through the
 * visibility layer, lib/access. The last block shows on made-up files that
 * each check fails when it should.
 */
const tree = projectTree();
const pages = tree.files.filter(isPage);
const routes = tree.files.filter(isRoute);
const actionModules = tree.files.filter((file) => isActionModule(tree.read(file)));

/** The pages and routes that answer without a session, and why. */
const PUBLIC_PAGES = new Set(["app/sign-in/page.tsx"]); // signing in
const PUBLIC_ROUTES = new Set([
  "app/api/v1/openapi.json/route.ts", // the API's description holds no data
  "app/api/health/route.ts", // liveness for probes: says "ok", nothing else
  "app/api/ready/route.ts", // readiness for load balancers: names its checks, never addresses or errors
]);
const PUBLIC_ACTIONS = new Set(["lib/auth/sign-in.ts:signIn"]);

describe("every entry point", () => {
  it("is found: pages, route handlers and action modules exist where expected", () => {
    expect(pages.length).toBeGreaterThan(25);
    expect(routes.length).toBeGreaterThan(15);
    expect(actionModules.length).toBeGreaterThan(6);
  });

  it("page: the default export is page(...) (publicPage only for sign-in)", () => {
    for (const file of pages) {
      const wrapper = pageWrapper(tree.read(file));
      expect(wrapper, file).toBe(PUBLIC_PAGES.has(file) ? "publicPage" : "page");
    }
  });

  it('route handler: every method is route(...), auth "public" only where listed', () => {
    for (const file of routes) {
      const source = tree.read(file);
      expect(unwrappedRouteMethods(source), file).toEqual([]);
      expect(isPublicRoute(source), file).toBe(PUBLIC_ROUTES.has(file));
    }
  });

  it("server action: lives in lib/, every export is action(...) (publicAction only for signing in), none inline", () => {
    for (const file of actionModules) {
      expect(file.startsWith("lib/"), `${file}: actions live in lib/`).toBe(true);
      for (const { name, wrapper } of unwrappedActions(tree.read(file))) {
        expect(wrapper, `${file}:${name}`).toBe(PUBLIC_ACTIONS.has(`${file}:${name}`) ? "publicAction" : "action");
      }
    }
    for (const file of tree.files) expect(inlineServerActions(tree.read(file)), `${file}: "use server" inside a function`).toBe(0);
  });

  it("reaches transcript data only through the visibility layer (lib/access)", () => {
    const entries = [...pages, ...routes, ...actionModules];
    const leaks = entries.flatMap((entry) => ungatedReach(entry, tree));
    expect(leaks).toEqual([]);
  });

  it("the visibility layer itself does reach the data (so the check above looks at something)", () => {
    const gate = tree.files.filter((file) => file.startsWith("lib/access/"));
    const reached = gate.flatMap((file) => ungatedReach(file.replace("lib/access/", "lib/access-probe/"), probe(tree, file)));
    expect(reached.length).toBeGreaterThan(10);
  });
});

/** The gate's files as if they were not the gate, to see that the walk finds the data behind them. */
function probe(real: SourceTree, file: string): SourceTree {
  const moved = file.replace("lib/access/", "lib/access-probe/");
  const fromProbe = (source: string) => source.replaceAll('from "./', 'from "@/lib/access/');
  return {
    files: [...real.files, moved],
    read: (name) => (name === moved ? fromProbe(real.read(file)) : real.read(name)),
  };
}

describe("the checks fail when they should", () => {
  const fake = (files: Record<string, string>): SourceTree => ({ files: Object.keys(files), read: (file) => files[file] });

  it("a page that reads transcripts through a query module of its own, not the layer, is found, with the path", () => {
    const files = fake({
      "app/leak/page.tsx": `import { page } from "@/lib/server/page";\nimport { rows } from "@/lib/leak/rows";\nexport default page({}, async () => rows());`,
      "lib/leak/rows.ts": `import { helper } from "./sql";\nexport const rows = () => helper();`,
      "lib/leak/sql.ts": "export const helper = () => db().$queryRaw`SELECT * FROM transcripts t`;",
      "app/fine/page.tsx": `import { rows } from "@/lib/access/rows";\nimport type { Row } from "@/lib/leak/sql";\nexport default page({}, async () => rows());`,
      "lib/access/rows.ts": `export { helper as rows } from "@/lib/leak/sql";`,
      "lib/server/page.tsx": "export const page = () => null;",
    });
    expect(ungatedReach("app/leak/page.tsx", files)).toEqual(["app/leak/page.tsx → lib/leak/rows.ts → lib/leak/sql.ts (FROM transcripts)"]);
    // Through the layer, or a type-only import: nothing.
    expect(ungatedReach("app/fine/page.tsx", files)).toEqual([]);
  });

  it("recognises SQL and Prisma reads of transcript data, and not prose", () => {
    expect(touchesTranscriptData("db().annotation.findMany({})")).toBe(".annotation.findMany(");
    expect(touchesTranscriptData("tx.adjudication.upsert({})")).toBe(".adjudication.upsert(");
    expect(touchesTranscriptData("sql`SELECT 1 FROM transcript_consensus c`")).toBe("FROM transcript_consensus");
    expect(touchesTranscriptData("// reads FROM transcripts\nconst x = 1;")).toBeNull();
    expect(touchesTranscriptData("db().user.findMany({})")).toBeNull();
  });

  it("finds unwrapped pages, routes and actions", () => {
    expect(pageWrapper("export default async function Page() {}")).toBeNull();
    expect(pageWrapper("export default page({ role: 'lead' }, async () => null);")).toBe("page");
    expect(
      unwrappedRouteMethods(
        `export const GET = route({ auth: "session" }, async () => x);\nexport async function POST() {}\nexport const PUT = withSession(h);\nexport { DELETE }`,
      ),
    ).toEqual(["POST", "PUT", "DELETE"]);
    expect(isPublicRoute(`export const GET = route({ auth: "public" }, async () => x);`)).toBe(true);
    expect(isPublicRoute(`export const GET = route({ auth: "token-or-session", role: "lead" }, async () => x);`)).toBe(false);
    const source = `"use server";\nexport const a = action({ input }, h);\nexport async function b() {}\nexport const c = publicAction({ input }, h);`;
    expect(isActionModule(source)).toBe(true);
    expect(unwrappedActions(source)).toEqual([
      { name: "a", wrapper: "action" },
      { name: "b", wrapper: null },
      { name: "c", wrapper: "publicAction" },
    ]);
    expect(inlineServerActions(`export default async function P() { async function save() { "use server"; } }`)).toBe(1);
  });
});
