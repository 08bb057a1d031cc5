import { randomUUID } from "node:crypto";

/** A request id from a load balancer or proxy is kept when it looks like one; otherwise a new one is made. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{8,128}$/.test(value) ? value : randomUUID();
}
