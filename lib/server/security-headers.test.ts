import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./origin";
import { baseSecurityHeaders, isHttps, newNonce, NON_PAGE_CSP, pageCsp } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("the content security policy", () => {
  it("runs only scripts with this response's nonce, forbids framing, eval (outside next dev), plugins and base changes", () => {
    const nonce = newNonce();
    const csp = directives(pageCsp(nonce, false));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(pageCsp(nonce, false)).not.toContain("unsafe-eval");
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    // The charts' PNG download draws the SVG through a data: image into a canvas, and saves a blob: link.
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(pageCsp(nonce, true)).toContain("'unsafe-eval'");
  });

  it("gives every response a fresh nonce of 128 random bits", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });

  it("lets nothing in an API answer or a download run or be framed", () => {
    expect(directives(NON_PAGE_CSP).get("default-src")).toEqual(["'none'"]);
    expect(directives(NON_PAGE_CSP).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("adds nosniff, same-origin referrers, no framing, and HSTS only over HTTPS", () => {
    expect(baseSecurityHeaders(false)).toEqual({
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "x-frame-options": "DENY",
      "cross-origin-opener-policy": "same-origin",
    });
    expect(baseSecurityHeaders(true)["strict-transport-security"]).toMatch(/^max-age=31536000/);
    expect(isHttps(new Headers({ "x-forwarded-proto": "https" }), "http://localhost/")).toBe(true);
    expect(isHttps(new Headers(), "http://localhost/")).toBe(false);
  });
});

describe("the Origin check of cookie-authenticated changes", () => {
  const from = (headers: Record<string, string>) =>
    isSameOrigin(new Headers({ host: "127.0.0.1:3000", ...headers }), "http://127.0.0.1:3000/x");

  it("accepts the app's own pages", () => {
    expect(from({ origin: "http://127.0.0.1:3000" })).toBe(true);
    expect(from({ "sec-fetch-site": "same-origin" })).toBe(true);
    // Behind a proxy: the host it forwarded.
    expect(
      isSameOrigin(
        new Headers({ host: "app:3000", "x-forwarded-host": "lens.example.org", origin: "https://lens.example.org" }),
        "http://app:3000/",
      ),
    ).toBe(true);
  });

  it("refuses another port of the same host, another site, a sandboxed frame, and a request that says nothing", () => {
    expect(from({ origin: "http://127.0.0.1:4000" })).toBe(false); // finding 4: a page on another port
    expect(from({ origin: "https://evil.example" })).toBe(false);
    expect(from({ origin: "null" })).toBe(false);
    expect(from({ "sec-fetch-site": "cross-site" })).toBe(false);
    expect(from({ "sec-fetch-site": "same-site" })).toBe(false);
    expect(from({})).toBe(false);
  });
});
