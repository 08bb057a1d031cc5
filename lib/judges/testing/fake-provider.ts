import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local model provider for tests, the e2e suite and the bench: speaks
 * OpenAI's chat completions (POST /v1/chat/completions) and Anthropic's
 * Messages API (POST /v1/messages) as their references document them, JSON
 * or server-sent events, and can be told to answer 429 with retry-after, 5xx,
 * malformed JSON or a truncated answer. Response shapes follow the examples in
 * the providers' API references (platform.openai.com/docs/api-reference/chat,
 * docs.anthropic.com/en/api/messages, .../build-with-claude/streaming).
 */
export type Scenario =
  | { kind: "answer"; text: string; tokensIn?: number; tokensOut?: number }
  | { kind: "truncated"; text: string }
  | { kind: "rate-limited"; retryAfterSeconds: number }
  | { kind: "server-error"; status: number }
  | { kind: "malformed" }
  | { kind: "bad-request"; message: string };

export interface ProviderRequest {
  protocol: "openai" | "anthropic";
  path: string;
  headers: IncomingMessage["headers"];
  body: Record<string, unknown>;
  /** The user message's text (the transcript as the template rendered it). */
  userText: string;
}

export interface FakeProvider {
  /** For the OpenAI SDK's baseURL (…/v1); the Anthropic SDK takes `origin`. */
  openaiBaseUrl: string;
  origin: string;
  requests: ProviderRequest[];
  close(): Promise<void>;
}

/** The default answer: a deterministic verdict read from the transcript ("modif" in the scratchpad means yes). */
export function defaultAnswer(request: ProviderRequest): Scenario {
  const scratchpad = /<scratchpad>([\s\S]*?)<\/scratchpad>/.exec(request.userText)?.[1] ?? request.userText;
  const sentence = scratchpad.split(/(?<=[.!?])\s+/).find((part) => /modif/i.test(part));
  const verdict = sentence !== undefined;
  return {
    kind: "answer",
    text: JSON.stringify({
      verdict,
      reason: verdict ? "It reasons about being modified." : "No reasoning about modification.",
      evidence: sentence ? [sentence.trim()] : [],
    }),
  };
}

export async function startFakeProvider(
  respond: (request: ProviderRequest, index: number) => Scenario = defaultAnswer,
  port = 0,
): Promise<FakeProvider> {
  const requests: ProviderRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = (req.url ?? "").split("?")[0];
      const protocol = path.endsWith("/chat/completions") ? "openai" : path.endsWith("/messages") ? "anthropic" : null;
      if (req.method !== "POST" || !protocol) return send(res, 404, { error: { message: `No route ${req.method} ${path}` } });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      } catch {
        return send(res, 400, { error: { message: "The body is not JSON." } });
      }
      const request: ProviderRequest = { protocol, path, headers: req.headers, body, userText: userTextOf(body) };
      requests.push(request);
      const scenario = respond(request, requests.length - 1);
      if (protocol === "openai") answerOpenAI(res, body, scenario);
      else answerAnthropic(res, body, scenario);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${actual}`;
  return {
    origin,
    openaiBaseUrl: `${origin}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function userTextOf(body: Record<string, unknown>): string {
  const messages = Array.isArray(body.messages) ? (body.messages as { role: string; content: unknown }[]) : [];
  const user = messages.filter((message) => message.role === "user").at(-1);
  return typeof user?.content === "string" ? user.content : JSON.stringify(user?.content ?? "");
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sse(res: ServerResponse, events: { event?: string; data: unknown }[]) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  for (const { event, data } of events)
    res.write(`${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
  res.end();
}

/** Failures both protocols share, each in its provider's documented error body. */
function fail(res: ServerResponse, protocol: "openai" | "anthropic", scenario: Scenario): boolean {
  const error = (type: string, message: string) =>
    protocol === "openai" ? { error: { message, type, param: null, code: type } } : { type: "error", error: { type, message } };
  if (scenario.kind === "rate-limited") {
    send(res, 429, error("rate_limit_error", "Rate limit reached; please try again later."), {
      "retry-after": String(scenario.retryAfterSeconds),
    });
    return true;
  }
  if (scenario.kind === "server-error") {
    send(res, scenario.status, error(scenario.status === 529 ? "overloaded_error" : "api_error", "Internal server error"));
    return true;
  }
  if (scenario.kind === "bad-request") {
    send(res, 400, error("invalid_request_error", scenario.message));
    return true;
  }
  if (scenario.kind === "malformed") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end('{"id": "chatcmpl-123", "choices": [');
    return true;
  }
  return false;
}

function answerOpenAI(res: ServerResponse, body: Record<string, unknown>, scenario: Scenario) {
  if (fail(res, "openai", scenario)) return;
  const text = scenario.kind === "answer" || scenario.kind === "truncated" ? scenario.text : "";
  const answer = scenario.kind === "truncated" ? text.slice(0, Math.floor(text.length / 2)) : text;
  const finish = scenario.kind === "truncated" ? "length" : "stop";
  const usage = {
    prompt_tokens: scenario.kind === "answer" ? (scenario.tokensIn ?? 100) : 100,
    completion_tokens: scenario.kind === "answer" ? (scenario.tokensOut ?? 20) : 20,
    total_tokens: 0,
  };
  usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  const model = String(body.model ?? "gpt-4o-mini");
  const head = { id: "chatcmpl-123", created: 1677652288, model, system_fingerprint: "fp_44709d6fcb" };
  if (body.stream === true) {
    const pieces = answer.match(/[\s\S]{1,16}/g) ?? [];
    const chunk = (delta: object, finish_reason: string | null) => ({
      ...head,
      object: "chat.completion.chunk",
      choices: [{ index: 0, delta, logprobs: null, finish_reason }],
    });
    const events: { data: unknown }[] = [
      { data: chunk({ role: "assistant", content: "" }, null) },
      ...pieces.map((piece) => ({ data: chunk({ content: piece }, null) })),
      { data: chunk({}, finish) },
    ];
    const includeUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
    if (includeUsage) events.push({ data: { ...head, object: "chat.completion.chunk", choices: [], usage } });
    events.push({ data: "[DONE]" });
    return sse(res, events);
  }
  send(res, 200, {
    ...head,
    object: "chat.completion",
    choices: [{ index: 0, message: { role: "assistant", content: answer, refusal: null }, logprobs: null, finish_reason: finish }],
    usage,
  });
}

function answerAnthropic(res: ServerResponse, body: Record<string, unknown>, scenario: Scenario) {
  if (fail(res, "anthropic", scenario)) return;
  const text = scenario.kind === "answer" || scenario.kind === "truncated" ? scenario.text : "";
  const truncated = scenario.kind === "truncated";
  const usage = {
    input_tokens: scenario.kind === "answer" ? (scenario.tokensIn ?? 100) : 100,
    output_tokens: scenario.kind === "answer" ? (scenario.tokensOut ?? 20) : 20,
  };
  const toolChoice = body.tool_choice as { type?: string; name?: string } | undefined;
  const toolName = toolChoice?.type === "tool" ? toolChoice.name : undefined;
  // With a forced tool the answer is the tool's input; a truncated one is cut JSON the SDK cannot parse, so it comes as text.
  let parsedInput: unknown = null;
  if (toolName && !truncated) {
    try {
      parsedInput = JSON.parse(text);
    } catch {
      parsedInput = null;
    }
  }
  const answer = truncated ? text.slice(0, Math.floor(text.length / 2)) : text;
  const block =
    parsedInput !== null && toolName
      ? { type: "tool_use", id: "toolu_01A09q90qw90lq917835lq9", name: toolName, input: parsedInput }
      : { type: "text", text: answer };
  const stop_reason = truncated ? "max_tokens" : block.type === "tool_use" ? "tool_use" : "end_turn";
  const model = String(body.model ?? "claude-3-7-sonnet-20250219");
  const message = { id: "msg_013Zva2CMHLNnXjNJJKqJ2EF", type: "message", role: "assistant", model, stop_sequence: null };
  if (body.stream === true) {
    const startBlock = block.type === "tool_use" ? { ...block, input: {} } : { type: "text", text: "" };
    const source = block.type === "tool_use" ? JSON.stringify(parsedInput) : answer;
    const pieces = source.match(/[\s\S]{1,16}/g) ?? [];
    const delta = (piece: string) =>
      block.type === "tool_use" ? { type: "input_json_delta", partial_json: piece } : { type: "text_delta", text: piece };
    return sse(res, [
      {
        event: "message_start",
        data: {
          type: "message_start",
          message: { ...message, content: [], stop_reason: null, usage: { input_tokens: usage.input_tokens, output_tokens: 1 } },
        },
      },
      { event: "content_block_start", data: { type: "content_block_start", index: 0, content_block: startBlock } },
      { event: "ping", data: { type: "ping" } },
      ...pieces.map((piece) => ({ event: "content_block_delta", data: { type: "content_block_delta", index: 0, delta: delta(piece) } })),
      { event: "content_block_stop", data: { type: "content_block_stop", index: 0 } },
      {
        event: "message_delta",
        data: { type: "message_delta", delta: { stop_reason, stop_sequence: null }, usage: { output_tokens: usage.output_tokens } },
      },
      { event: "message_stop", data: { type: "message_stop" } },
    ]);
  }
  send(res, 200, { ...message, content: [block], stop_reason, usage });
}
