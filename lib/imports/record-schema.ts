import { z } from "zod";
import type { RawMessage } from "@/lib/transcripts/types";
import { CONDITION_HELP, conditionFrom } from "./fields";
import { toRawMessage } from "./native/message";

/**
 * The canonical record, once aliases and the mapping have put every value
 * under its canonical name. Values may arrive as CSV strings: numbers and
 * JSON cells are coerced here. Every string must be storable by PostgreSQL.
 */
const isWellFormed = (text: string) => (text as unknown as { isWellFormed(): boolean }).isWellFormed();
const storable = (text: string) => !text.includes("\u0000") && isWellFormed(text);
const UNSTORABLE = "holds a NUL character or a broken UTF-16 surrogate, which PostgreSQL cannot store";

const text = z.string().refine(storable, UNSTORABLE);
const name = text.trim().min(1, "is empty").max(300, "is longer than 300 characters");

/** A CSV cell holding JSON ("[{...}]" or "{...}") is read as that JSON. */
function jsonCell<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => {
    if (typeof value !== "string" || !/^\s*[[{]/.test(value)) return value;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }, schema);
}

const messageStrings = (message: RawMessage) => [
  message.role,
  message.content,
  ...(message.parts ?? []).flatMap((part) => Object.values(part).filter((value): value is string => typeof value === "string")),
];
/** Any chat API's message (typed content parts, reasoning fields, tool calls): lib/imports/native/message.ts. */
const message = z.unknown().transform((value, context): RawMessage => {
  const result = toRawMessage(value);
  if (!result.ok) {
    context.addIssue({ code: "custom", message: result.message, path: result.field ? [result.field] : [] });
    return z.NEVER;
  }
  if (!messageStrings(result.message).every(storable)) {
    context.addIssue({ code: "custom", message: UNSTORABLE });
    return z.NEVER;
  }
  return result.message;
});

/** A block of reasoning: a string, or an object holding it (text, reasoning, thinking or content). */
const scratchpadBlock = z.unknown().transform((value, context): string => {
  const found =
    typeof value === "string"
      ? value
      : typeof value === "object" && value !== null
        ? ["text", "reasoning", "thinking", "content"]
            .map((key) => (value as Record<string, unknown>)[key])
            .find((v) => typeof v === "string")
        : undefined;
  if (typeof found !== "string") {
    context.addIssue({ code: "custom", message: "expected reasoning text: a string, or an object with text" });
    return z.NEVER;
  }
  if (!storable(found)) {
    context.addIssue({ code: "custom", message: UNSTORABLE });
    return z.NEVER;
  }
  return found;
});
const scratchpad = z.union([text.transform((value) => [value]), z.array(scratchpadBlock)], {
  error: "expected the reasoning: a text, or a list of blocks",
});

const condition = z.unknown().transform((value, context) => {
  const result = conditionFrom(value);
  if (result === undefined) {
    context.addIssue({ code: "custom", message: `${JSON.stringify(value)?.slice(0, 60)} is not a condition (${CONDITION_HELP})` });
    return z.NEVER;
  }
  return result;
});

const wholeNumber = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
  z.number().int("must be a whole number").min(0, "must be 0 or more").max(1_000_000),
);

export const canonicalRecordSchema = z.object({
  id: z.union([text, z.number()]).optional(),
  setting: name.optional(),
  variation: name.optional(),
  model: name.optional(),
  condition: condition.optional(),
  query: text.optional(),
  response: text.optional(),
  scratchpad: jsonCell(scratchpad).optional(),
  messages: jsonCell(z.array(message).min(1, "is empty")).optional(),
  transcript: text.optional(),
  system_prompt: text.optional(),
  sample_index: wholeNumber.optional(),
  labels: jsonCell(z.record(z.string(), z.unknown())).optional(),
  label_source: name.optional(),
});

export type CanonicalRecord = z.infer<typeof canonicalRecordSchema>;

export function labelValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (!trimmed) return null;
    return /^(true|false)$/i.test(trimmed) ? trimmed.toLowerCase() : trimmed;
  }
  return JSON.stringify(value);
}

export { storable, UNSTORABLE };
