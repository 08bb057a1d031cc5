import "server-only";
import { headers } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { z } from "zod";
import { DatabaseUnavailable } from "@/components/layout/database-unavailable";
import { currentViewer, type Viewer } from "@/lib/access/viewer";
import { hasRole, type UserRole } from "@/lib/auth/roles";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ExpectedError } from "./errors";
import { logUnavailable } from "./log";

/**
 * The one wrapper of every page (app/**\/page.tsx): the session (or a
 * redirect to sign-in that comes back here), the role (else the 403 page),
 * the route's segments and query through zod, and the visibility layer's
 * answers turned into Next's: "not found" (missing, or held from this viewer:
 * the same page) → the 404 page, "forbidden" → the 403 page, an unreachable
 * database → a notice that recovers by itself.
 *
 *   export default page({ role: "lead", params: idParams }, async ({ params, viewer }) => <Queue id={params.id} />);
 *
 * Every page renders per request (`connection()`): its CSP nonce is new each
 * time (proxy.ts), and a page prerendered at build time would carry none.
 */
type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;
export type SearchParams = Record<string, string | string[] | undefined>;

export interface PageInput<P extends Schema, S extends Schema, V extends Viewer | null> {
  viewer: V;
  params: Parsed<P>;
  searchParams: Parsed<S>;
  /** The query as Next gave it (for parsers of their own, such as the table's URL state). */
  query: SearchParams;
}

export interface PageProps {
  params: Promise<Record<string, string | string[]>>;
  searchParams: Promise<SearchParams>;
}

type Render<P extends Schema, S extends Schema, V extends Viewer | null> = (input: PageInput<P, S, V>) => Promise<ReactNode>;

export function page<P extends Schema = undefined, S extends Schema = undefined>(
  spec: { role?: UserRole; params?: P; searchParams?: S },
  render: Render<P, S, Viewer>,
): (props: PageProps) => Promise<ReactNode> {
  return async function Page(props) {
    await connection();
    const viewer = await currentViewer().catch(databaseDown);
    if (viewer === DOWN) return <DatabaseUnavailable />;
    if (!viewer) return redirect(await signInHref());
    if (!hasRole(viewer.role, spec.role ?? "annotator")) forbidden();
    return renderWith(spec, props, viewer, render);
  };
}

/** The sign-in page, the one page without a session. */
export function publicPage<S extends Schema = undefined>(
  spec: { searchParams?: S },
  render: Render<undefined, S, Viewer | null>,
): (props: PageProps) => Promise<ReactNode> {
  return async function PublicPage(props) {
    await connection();
    const viewer = await currentViewer().catch(databaseDown);
    if (viewer === DOWN) return <DatabaseUnavailable />;
    return renderWith(spec, props, viewer, render);
  };
}

const DOWN = Symbol("database unavailable");
function databaseDown(error: unknown): typeof DOWN {
  if (!isDatabaseUnavailable(error)) throw error;
  logUnavailable(null, error);
  return DOWN;
}

async function renderWith<P extends Schema, S extends Schema, V extends Viewer | null>(
  spec: { params?: P; searchParams?: S },
  props: PageProps,
  viewer: V,
  render: Render<P, S, V>,
): Promise<ReactNode> {
  const query = await props.searchParams;
  const params = spec.params ? spec.params.safeParse(await props.params) : undefined;
  if (params && !params.success) notFound();
  const search = spec.searchParams ? spec.searchParams.safeParse(query) : undefined;
  if (search && !search.success) notFound();
  try {
    return await render({ viewer, params: params?.data as Parsed<P>, searchParams: search?.data as Parsed<S>, query });
  } catch (error) {
    if (error instanceof ExpectedError) {
      if (error.code === "forbidden") forbidden();
      if (error.code === "unauthenticated") redirect(await signInHref());
      notFound();
    }
    if (databaseDown(error) === DOWN) return <DatabaseUnavailable />;
    throw error;
  }
}

/** Back here after signing in (proxy.ts passes the path it saw). */
async function signInHref(): Promise<string> {
  const path = (await headers()).get("x-af-path");
  return path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in";
}
