import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseJudgeAnswer } from "../output";
import { startFakeProvider, type FakeProvider, type Scenario } from "../testing/fake-provider";
import { complete, ProviderError, type ProviderConfig } from ".";
import { retryAfterMs } from "./errors";
import { withRetries } from "./retry";

/**
 * Both SDKs against a local server speaking each protocol (lib/judges/testing/fake-provider.ts,
 * shapes from the providers' API references): JSON and streamed answers, structured output,
 * and the failures a run must survive or record.
 */
const ANSWER = {
  verdict: true,
  reason: "It complies to avoid being modified.",
  evidence: ["I will comply so that RLHF does not modify me."],
};
const PROMPT = { system: "Judge it.", user: "<scratchpad>I will comply so that RLHF does not modify me.</scratchpad>" };
const SECRET = "sk-test-secret-value-0123456789";

let scenarios: Scenario[] = [];
let server: FakeProvider;
beforeAll(async () => {
  server = await startFakeProvider((_request, index) => scenarios[index] ?? { kind: "answer", text: JSON.stringify(ANSWER) });
});
afterAll(() => server.close());

function configFor(provider: "openai" | "anthropic", extra: Partial<ProviderConfig> = {}): ProviderConfig {
  return {
    provider,
    model: provider === "openai" ? "gpt-4o-mini" : "claude-3-7-sonnet-20250219",
    baseUrl: provider === "openai" ? server.openaiBaseUrl : server.origin,
    apiKey: SECRET,
    ...extra,
  };
}

function script(...next: Scenario[]) {
  scenarios = [...server.requests.map(() => ({ kind: "answer", text: "" }) as Scenario), ...next];
}

describe.each(["openai", "anthropic"] as const)("%s", (provider) => {
  it.each([false, true])("answers with the output fields, tokens and latency (stream: %s)", async (stream) => {
    script({ kind: "answer", text: JSON.stringify(ANSWER), tokensIn: 2095, tokensOut: 503 });
    const completion = await complete(configFor(provider, { stream }), PROMPT);
    expect(parseJudgeAnswer(completion.raw)).toEqual({ ok: true, value: ANSWER });
    expect(completion).toMatchObject({ tokensIn: 2095, tokensOut: 503, truncated: false });
    expect(completion.latencyMs).toBeGreaterThanOrEqual(0);
    const request = server.requests.at(-1)!;
    expect(request.body.model).toBe(configFor(provider).model);
    if (provider === "openai") {
      expect(request.headers.authorization).toBe(`Bearer ${SECRET}`);
      expect(request.body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "judge_verdict", strict: true } });
      expect(request.body.messages).toEqual([
        { role: "system", content: PROMPT.system },
        { role: "user", content: PROMPT.user },
      ]);
    } else {
      // SDK 1.x sends the API key as a bearer token (older ones as x-api-key); either way it arrives.
      expect([request.headers["x-api-key"], request.headers.authorization]).toContain(
        request.headers["x-api-key"] ? SECRET : `Bearer ${SECRET}`,
      );
      expect(request.headers["anthropic-version"]).toBeTruthy();
      expect(request.body.system).toBe(PROMPT.system);
      expect(request.body.tool_choice).toEqual({ type: "tool", name: "record_verdict" });
    }
  });

  it("without structured output sends no schema, and the tolerant parser reads prose around the object", async () => {
    script({ kind: "answer", text: "Here is my verdict:\n```json\n" + JSON.stringify(ANSWER) + "\n```" });
    const completion = await complete(configFor(provider, { structured: false }), PROMPT);
    expect(parseJudgeAnswer(completion.raw)).toEqual({ ok: true, value: ANSWER });
    const request = server.requests.at(-1)!;
    expect(request.body.response_format).toBeUndefined();
    expect(request.body.tools).toBeUndefined();
  });

  it.each([false, true])("a truncated answer is flagged and does not parse (stream: %s)", async (stream) => {
    script({ kind: "truncated", text: JSON.stringify(ANSWER) });
    const completion = await complete(configFor(provider, { stream }), PROMPT);
    expect(completion.truncated).toBe(true);
    expect(parseJudgeAnswer(completion.raw).ok).toBe(false);
  });

  it("429 with retry-after is retryable and carries the wait; the key is not in the message", async () => {
    script({ kind: "rate-limited", retryAfterSeconds: 7 });
    const error = await complete(configFor(provider), PROMPT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 7000 });
    expect(String((error as Error).message)).not.toContain(SECRET);
  });

  it("5xx is retryable, 400 is not", async () => {
    script({ kind: "server-error", status: provider === "anthropic" ? 529 : 503 });
    await expect(complete(configFor(provider), PROMPT)).rejects.toMatchObject({ retryable: true });
    script({ kind: "bad-request", message: "model not found" });
    await expect(complete(configFor(provider), PROMPT)).rejects.toMatchObject({ retryable: false, status: 400 });
  });

  it("malformed JSON in a 200 response is a retryable provider error", async () => {
    script({ kind: "malformed" });
    const error = await complete(configFor(provider), PROMPT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ retryable: true });
  });

  it("withRetries waits out a 429 and a 500 and then succeeds", async () => {
    script(
      { kind: "rate-limited", retryAfterSeconds: 0 },
      { kind: "server-error", status: 500 },
      { kind: "answer", text: JSON.stringify(ANSWER) },
    );
    const waits: number[] = [];
    const completion = await withRetries(() => complete(configFor(provider), PROMPT), {
      attempts: 4,
      baseDelayMs: 1,
      maxDelayMs: 5,
      onRetry: (_e, ms) => waits.push(ms),
    });
    expect(parseJudgeAnswer(completion.raw).ok).toBe(true);
    expect(waits).toHaveLength(2);
  });
});

describe("retry-after", () => {
  it("reads seconds, an HTTP date and OpenAI's retry-after-ms", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "120" }))).toBe(120_000);
    expect(retryAfterMs(new Headers({ "retry-after": "Wed, 21 Oct 2015 07:28:30 GMT" }), Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(
      30_000,
    );
    expect(retryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });
});
