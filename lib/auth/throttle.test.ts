import { describe, expect, it } from "vitest";
import { afterFailure, THROTTLE_RULES, throttleKeys, type Counter } from "./throttle";

const rule = THROTTLE_RULES.account_client;
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);

function fail(times: number, start: Counter | null, minute = 0) {
  let counter = start;
  let last: ReturnType<typeof afterFailure> | null = null;
  for (let i = 0; i < times; i++) counter = last = afterFailure(counter, at(minute), rule);
  return last!;
}

describe("sign-in throttling's counter", () => {
  it("locks at the fifth failure, for a minute, then twice as long each time, up to an hour", () => {
    expect(fail(4, null).justLocked).toBe(false);
    const first = fail(5, null);
    expect(first).toMatchObject({ justLocked: true, failures: 0, locks: 1 });
    expect((first.lockedUntil!.getTime() - at(0).getTime()) / 1000).toBe(60);
    let counter: Counter = first;
    const lengths = [];
    for (let lock = 2; lock <= 9; lock++) {
      const next = fail(5, counter, lock * 61);
      lengths.push((next.lockedUntil!.getTime() - at(lock * 61).getTime()) / 1000);
      counter = next;
    }
    expect(lengths).toEqual([120, 240, 480, 960, 1920, 3600, 3600, 3600]);
  });

  it("counts from one again after an hour's quiet, and forgets earlier locks after a day's", () => {
    const four = fail(4, null);
    expect(afterFailure(four, at(61), rule).failures).toBe(1);
    const locked = fail(5, null);
    const dayLater = fail(5, locked, 24 * 60 + 1);
    expect((dayLater.lockedUntil!.getTime() - at(24 * 60 + 1).getTime()) / 1000).toBe(60);
  });

  it("counts a browser with the account's device cookie apart from everyone else", () => {
    expect(throttleKeys({ email: "Admin@Demo.test", address: "10.0.0.1", deviceId: "d1" })).toEqual([
      { scope: "account_client", key: "admin@demo.test|device:d1", email: "admin@demo.test", client: "device:d1" },
    ]);
    expect(throttleKeys({ email: "admin@demo.test", address: "10.0.0.1", deviceId: null }).map((k) => `${k.scope} ${k.key}`)).toEqual([
      "account_client admin@demo.test|address:10.0.0.1",
      "account_untrusted admin@demo.test",
      "address 10.0.0.1",
    ]);
  });
});
