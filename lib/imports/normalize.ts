import type { Condition } from "@/lib/generated/prisma/enums";
import type { SourceLabelInput } from "@/lib/transcripts/store";
import { conservationFailures } from "@/lib/transcripts/conservation";
import { conversationMessages, parseStoredMessages } from "@/lib/transcripts/stored-messages";
import type { MessagePart, ParsedTranscript, RawMessage } from "@/lib/transcripts/types";
import { conditionFrom } from "./fields";
import type { Mapping } from "./mapping";
import { canonicalRecordSchema, labelValue, storable, UNSTORABLE, type CanonicalRecord } from "./record-schema";
import { resolveRecord, type Resolved } from "./resolve";

/**
 * A source record made into what the store writes: the slot by name (ids are
 * looked up later), the condition, the query, the verbatim messages and their
 * parse, and the labels that came with it. Or the reason it cannot be.
 */
export interface NormalizedTranscript {
  line: number;
  where?: string;
  setting: string;
  variation: string;
  model: string;
  condition: Condition;
  queryText: string;
  messages: RawMessage[];
  parsed: ParsedTranscript;
  /** null: the next free sample of the slot (lib/transcripts/sample-slots.ts). */
  sampleIndex: number | null;
  systemPrompt?: string;
  sourceLabels: SourceLabelInput[];
  /** Slot fields the record did not give, filled with the defaults below. */
  defaulted: ("setting" | "variation" | "model")[];
  ignored: string[];
  /** The mapping's paths that found nothing in this record (lib/imports/resolve.ts). */
  unmatched: string[];
  /** The API shape the record was recognised as, if any (lib/imports/native/shapes.ts). */
  shape?: string;
  /** The record's id in its source, with where in the record this transcript came from when it holds several. */
  sourceId?: string;
}

export interface RecordError {
  line: number;
  field?: string;
  message: string;
}

const ASSISTANT_ROLES = /^\s*(assistant|ai|model|gpt)\s*$/i;

/**
 * The assistant's turn from separate fields: the reasoning blocks, named after
 * the field they came from, then the answer. Just the answer keeps the plain
 * {role, content} shape.
 */
function assistantFromFields(record: CanonicalRecord, scratchpadSource: string | undefined): RawMessage | null {
  const reasoning = record.scratchpad?.filter((block) => block.trim() !== "") ?? [];
  if (record.response === undefined && !reasoning.length) return null;
  if (!reasoning.length) return { role: "assistant", content: record.response ?? "" };
  const source = scratchpadSource ?? "scratchpad";
  const parts: MessagePart[] = reasoning.map((text) => ({ type: "reasoning", source, text }));
  if (record.response !== undefined) parts.push({ type: "text", text: record.response });
  return { role: "assistant", content: record.response ?? "", parts };
}

export const DEFAULTS = { setting: "unspecified", variation: "default", model: "unknown" } as const;

export interface NormalizeContext {
  mapping?: Mapping;
  /** Who labels are attributed to when the record does not say. */
  defaultLabelSource: string;
}

export type Normalized = { transcripts: NormalizedTranscript[]; errors: RecordError[] };

export function normalizeRecord(
  line: number,
  record: Record<string, unknown>,
  group: string | undefined,
  context: NormalizeContext,
): Normalized {
  const resolution = resolveRecord(record, group, context.mapping);
  if (!resolution.ok) return { transcripts: [], errors: [{ line, field: resolution.field, message: resolution.message }] };
  const out: Normalized = { transcripts: [], errors: [] };
  for (const resolved of resolution.resolved) {
    const result = normalizeResolved(line, resolved, context);
    if ("message" in result) out.errors.push(result);
    else out.transcripts.push(result);
  }
  return out;
}

function normalizeResolved(line: number, resolved: Resolved, context: NormalizeContext): NormalizedTranscript | RecordError {
  const fail = (field: string | undefined, message: string): RecordError => ({
    line,
    field: [resolved.where, field].filter(Boolean).join(" → ") || undefined,
    message,
  });
  const checked = canonicalRecordSchema.safeParse(resolved.values);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return fail(
      issue.path.map((part, i) => (typeof part === "number" ? `[${part}]` : (i ? "." : "") + String(part))).join(""),
      issue.message,
    );
  }
  const record = checked.data;

  const assistant = assistantFromFields(record, resolved.sources.scratchpad);
  let messages: RawMessage[] | null =
    record.messages ??
    (record.transcript !== undefined
      ? conversationMessages(record.transcript)
      : assistant
        ? [...(record.query !== undefined ? [{ role: "user", content: record.query }] : []), assistant]
        : null);
  // Messages that stop before the answer (a request kept apart from its response) get the answer from its fields.
  if (record.messages && assistant && !record.messages.some((m) => ASSISTANT_ROLES.test(m.role)))
    messages = [...record.messages, assistant];
  if (!messages) {
    return fail(
      "messages",
      "no conversation: give messages (role/content turns), transcript (the whole conversation as text), or response and/or scratchpad (with the prompt in user_input, prompt or query)",
    );
  }
  const parsed = parseStoredMessages(messages);
  // The parser is built to conserve every character (a property test holds it); this check makes a miss visible, never silent.
  if (conservationFailures(parsed).length) parsed.formatIssues.push("text_not_conserved");

  const fromText: Condition | undefined = parsed.isFreeTier === null ? undefined : parsed.isFreeTier ? "training" : "deployment";
  if (record.condition && fromText && record.condition !== fromText) {
    return fail(
      "condition",
      `says ${record.condition} but the conversation's is_free_tier_user tag says ${fromText === "training" ? "True" : "False"} (${fromText})`,
    );
  }
  const condition = record.condition ?? fromText ?? conditionFrom(context.mapping?.constants.condition);
  if (!condition)
    return fail("condition", "no tier: give condition, tier or is_free_tier_user, or an <is_free_tier_user> tag in the conversation");

  const queryText = (record.query ?? parsed.userInput ?? "").trim();
  if (!queryText) return fail("query", "no user input: give user_input (or prompt, query), or a <user_input> tag in the conversation");

  // The text lacking a tier or query tag is no issue when the record gave them.
  const formatIssues = parsed.formatIssues.filter(
    (issue) => !(issue === "missing_tier" && record.condition) && !(issue === "missing_user_input" && record.query !== undefined),
  );

  const source = record.label_source ?? context.defaultLabelSource;
  const sourceLabels: SourceLabelInput[] = [];
  const seen = new Set<string>();
  for (const [rawName, rawValue] of [...Object.entries(resolved.labels), ...Object.entries(record.labels ?? {})]) {
    const name = rawName.trim();
    const value = labelValue(rawValue);
    if (!name || value === null || seen.has(name)) continue;
    if (!storable(name) || !storable(value)) return fail(`labels.${name}`, UNSTORABLE);
    seen.add(name);
    sourceLabels.push({ source, name, value });
  }

  const defaulted = (["setting", "variation", "model"] as const).filter((field) => record[field] === undefined);
  return {
    line,
    where: resolved.where,
    setting: record.setting ?? DEFAULTS.setting,
    variation: record.variation ?? DEFAULTS.variation,
    model: record.model ?? DEFAULTS.model,
    condition,
    queryText,
    messages,
    parsed: { ...parsed, formatIssues },
    sampleIndex: record.sample_index ?? null,
    systemPrompt: record.system_prompt?.trim() ? record.system_prompt : undefined,
    sourceLabels,
    defaulted,
    ignored: resolved.ignored,
    unmatched: resolved.unmatched,
    shape: resolved.shape,
    sourceId: record.id === undefined ? undefined : String(record.id) + (resolved.where ? ` @ ${resolved.where}` : ""),
  };
}
