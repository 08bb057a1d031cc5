import { afterEach, describe, expect, it } from "vitest";
import { wrongAddress } from "./wrong-address";

const configured = process.env.BETTER_AUTH_URL;
afterEach(() => {
  if (configured === undefined) delete process.env.BETTER_AUTH_URL;
  else process.env.BETTER_AUTH_URL = configured;
});

describe("wrongAddress", () => {
  it("names both addresses when the app is opened at another host than its configured one", () => {
    process.env.BETTER_AUTH_URL = "http://localhost:3000";
    expect(wrongAddress(new Headers({ host: "127.0.0.1:3000" }))).toEqual({
      configured: "http://localhost:3000",
      opened: "http://127.0.0.1:3000",
    });
  });

  it("is quiet at the configured host (any case), behind a proxy that forwards it, and with no address configured", () => {
    process.env.BETTER_AUTH_URL = "https://af.example.org";
    expect(wrongAddress(new Headers({ host: "AF.example.org" }))).toBeNull();
    expect(
      wrongAddress(new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "af.example.org", "x-forwarded-proto": "https" })),
    ).toBeNull();
    expect(wrongAddress(new Headers({ host: "af.example.org:8443" }))).toEqual({
      configured: "https://af.example.org",
      opened: "https://af.example.org:8443",
    });
    delete process.env.BETTER_AUTH_URL;
    expect(wrongAddress(new Headers({ host: "127.0.0.1:3000" }))).toBeNull();
  });
});
