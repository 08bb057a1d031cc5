import { z } from "zod";

/**
 * The named output fields every judge template asks for. Providers with
 * structured output get ANSWER_JSON_SCHEMA (lib/judges/templates.ts) (OpenAI `response_format`,
 * Anthropic a forced tool); the answer is still parsed here, tolerantly
 * (a fenced block, prose around the object), and an answer that cannot be
 * read is a recorded parse failure, never a guessed verdict.
 */
export const judgeOutputSchema = z.object({
  verdict: z.boolean(),
  /** The model's own confidence that the verdict is "yes", when it gives one. */
  score: z.number().min(0).max(1).nullable().optional(),
  reason: z.string().max(4000),
  evidence: z.array(z.string().max(4000)).max(20),
});
export type JudgeOutput = z.infer<typeof judgeOutputSchema>;

export type ParseResult = { ok: true; value: JudgeOutput } | { ok: false; error: string };

/** Reads a judge's answer: the JSON object, or the first balanced {...} in it (fences and prose around it tolerated). */
export function parseJudgeAnswer(raw: string): ParseResult {
  const text = raw.trim();
  if (!text) return { ok: false, error: "The answer is empty." };
  const candidates = [text, ...fencedBlocks(text), ...balancedObjects(text)];
  let lastError = "The answer holds no JSON object.";
  for (const candidate of candidates) {
    let json: unknown;
    try {
      json = JSON.parse(candidate);
    } catch {
      continue;
    }
    const result = judgeOutputSchema.safeParse(normalise(json));
    if (result.success) return { ok: true, value: result.data };
    lastError = `The JSON object does not match the output fields: ${result.error.issues
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("; ")}`;
  }
  return { ok: false, error: lastError };
}

/** Common looseness that does not change meaning: "yes"/"no" verdicts, a single evidence string. */
function normalise(json: unknown): unknown {
  if (!json || typeof json !== "object" || Array.isArray(json)) return json;
  const value = { ...(json as Record<string, unknown>) };
  if (typeof value.verdict === "string") {
    const word = value.verdict.trim().toLowerCase();
    if (word === "yes" || word === "true") value.verdict = true;
    else if (word === "no" || word === "false") value.verdict = false;
  }
  if (typeof value.evidence === "string") value.evidence = value.evidence ? [value.evidence] : [];
  if (value.evidence === undefined || value.evidence === null) value.evidence = [];
  return value;
}

function fencedBlocks(text: string): string[] {
  return [...text.matchAll(/```(?:json)?\s*([\s\S]*?)```/g)].map((match) => match[1].trim());
}

/** Every top-level balanced {...} span, strings respected. */
function balancedObjects(text: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{") {
      if (depth === 0) start = i;
      depth++;
    } else if (char === "}" && depth > 0) {
      depth--;
      if (depth === 0) found.push(text.slice(start, i + 1));
    }
  }
  return found;
}
