import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { cache } from "react";
import type { Viewer } from "@/lib/access/viewer";
import { sessionUserFrom } from "@/lib/auth/server";
import { requestIdFrom as requestIdOf } from "@/lib/ops/request-id";

/**
 * What one request carries: its id (in every log line and 500 answer), who is
 * looking, and answers worth computing once per request (the viewer's blind
 * holds). Route handlers and server actions run inside `runInScope` (their
 * wrappers set it up: they know the credentials, a bearer token included);
 * pages and their server components get a scope from React's per-request
 * cache, with the viewer read from the session cookie.
 */
export interface RequestScope {
  requestId: string;
  viewer: Promise<Viewer | null>;
  memo: Map<string, Promise<unknown>>;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInScope<T>(scope: Omit<RequestScope, "memo">, run: () => Promise<T>): Promise<T> {
  return storage.run({ ...scope, memo: new Map() }, run);
}

/** An id for the logs: the one the web server (scripts/web-server.ts) or a proxy gave in x-request-id, else a new one. */
export function requestIdFrom(requestHeaders: Headers): string {
  return requestIdOf(requestHeaders.get("x-request-id"));
}

const pageScope = cache(async (): Promise<RequestScope> => {
  const requestHeaders = await headers();
  const viewer = sessionUserFrom(requestHeaders).then((found) => found && { ...found, via: "session" as const });
  viewer.catch(() => undefined); // a page that never asks must not log an unhandled rejection (database down)
  return { requestId: requestIdFrom(requestHeaders), viewer, memo: new Map() };
});

/** This request's scope. Outside any request (a script, a test without `runInScope`) this throws: nothing reads for nobody. */
export async function requestScope(): Promise<RequestScope> {
  return storage.getStore() ?? pageScope();
}

/** `compute` once per request and key. */
export async function oncePerRequest<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const { memo } = await requestScope();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    memo.set(key, value);
  }
  return value;
}
