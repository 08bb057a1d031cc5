import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secrets";

describe("provider keys at rest (AES-256-GCM)", () => {
  const key = randomBytes(32);

  it("round-trips, never holds the plaintext, and differs each time (random IV)", () => {
    const one = encryptSecret("OPENAI", "sk-live-abc123", key);
    const two = encryptSecret("OPENAI", "sk-live-abc123", key);
    expect(one).not.toContain("sk-live");
    expect(one).not.toBe(two);
    expect(decryptSecret("OPENAI", one, key)).toBe("sk-live-abc123");
  });

  it("refuses a ciphertext that was altered, moved to another name, or made with another key", () => {
    const stored = encryptSecret("OPENAI", "sk-live-abc123", key);
    const [v, iv, tag, body] = stored.split(".");
    const flipped = Buffer.from(body, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptSecret("OPENAI", [v, iv, tag, flipped.toString("base64url")].join("."), key)).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret("ANTHROPIC", stored, key)).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret("OPENAI", stored, randomBytes(32))).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret("OPENAI", "garbage", key)).toThrow(/not in a known format/);
  });
});
