import { describe, expect, it } from "vitest";
import { AttemptLimiter, checkSignInAttempt, signInSucceeded } from "./rate-limit";

describe("AttemptLimiter", () => {
  it("refuses the attempt after max within a window, and allows again after it", () => {
    const limiter = new AttemptLimiter(3, 10_000);
    expect([1, 2, 3].map((i) => limiter.take("k", 1_000 + i).ok)).toEqual([true, true, true]);
    expect(limiter.take("k", 5_000)).toEqual({ ok: false, retryAfterSeconds: 7 });
    expect(limiter.take("other", 5_000).ok).toBe(true);
    expect(limiter.take("k", 11_001).ok).toBe(true);
  });

  it("clear resets a key", () => {
    const limiter = new AttemptLimiter(1, 10_000);
    expect(limiter.take("k", 0).ok).toBe(true);
    expect(limiter.take("k", 1).ok).toBe(false);
    limiter.clear("k");
    expect(limiter.take("k", 2).ok).toBe(true);
  });

  it("stays bounded under many keys", () => {
    const limiter = new AttemptLimiter(1, 10_000, 100);
    for (let i = 0; i < 1_000; i++) limiter.take(`k${i}`, 0);
    expect((limiter as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });
});

describe("sign-in limits", () => {
  it("locks one account after 5 attempts whatever the address, until a success", () => {
    const now = 1_000_000;
    for (let i = 0; i < 5; i++) expect(checkSignInAttempt("Victim@example.org", `10.0.0.${i}`, now).ok).toBe(true);
    const refused = checkSignInAttempt("victim@example.org", "10.0.1.1", now);
    expect(refused).toEqual({ ok: false, message: "Too many sign-in attempts. Try again in 15 minutes." });
    expect(checkSignInAttempt("someone-else@example.org", "10.0.1.1", now).ok).toBe(true);
    signInSucceeded("victim@example.org");
    expect(checkSignInAttempt("victim@example.org", "10.0.1.1", now).ok).toBe(true);
  });

  it("limits one address to 30 attempts across accounts", () => {
    const now = 2_000_000;
    for (let i = 0; i < 30; i++) expect(checkSignInAttempt(`user${i}@example.org`, "10.9.9.9", now).ok).toBe(true);
    expect(checkSignInAttempt("user99@example.org", "10.9.9.9", now).ok).toBe(false);
  });
});
