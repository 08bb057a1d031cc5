import type { Block, Turn, TurnRole } from "./types";
import { parseAssistantContent } from "./parse-assistant";
import { parseUserContent } from "./parse-user";
import { recordTurnSource } from "./conservation";
import {
  isBlank,
  isClosing,
  isOpening,
  isTurnBoundary,
  scanTags,
  wholeRange,
  type IssueLog,
  type TagSource,
  type TagToken,
} from "./parse-tags";

/** Parses one turn's content when the source already says who is speaking. */
export function parseTurnContent(role: TurnRole, content: string, issues: IssueLog): Block[] {
  if (role === "system") return isBlank(content, 0, content.length) ? [] : [{ kind: "text", text: content.trim() }];
  const source = scanTags(content);
  if (role === "user") return parseUserContent(source, wholeRange(source), issues);
  return parseAssistantContent(source, wholeRange(source), issues, false).blocks;
}

// The paper's few-shot examples mark turns with line prefixes ("USER_INPUT: <INPUT>",
// "AI: <SCRATCHPAD_REASONING>", "INPUT: <NEXT/>"). Anchored at line starts and
// free of nested quantifiers, so matching stays linear.
const LINE_PREFIX = /^[ \t]*(USER_INPUT|INPUT|AI|INSTRUCTIONS_GIVEN_TO_AI)[ \t]*:/gm;
const USER_INPUT_LINE = /^[ \t]*USER_INPUT[ \t]*:/m;
const LEADING_AI_PREFIX = /^\s*AI[ \t]*:/;
const ROLE_BY_PREFIX: Record<string, TurnRole> = {
  USER_INPUT: "user",
  INPUT: "user",
  AI: "assistant",
  INSTRUCTIONS_GIVEN_TO_AI: "system",
};

/**
 * A "USER_INPUT:" line anywhere, or "AI:" opening the text. An "AI:" line deep
 * inside a native transcript is more likely prose than a turn marker.
 */
export function usesLinePrefixes(text: string): boolean {
  return USER_INPUT_LINE.test(text) || LEADING_AI_PREFIX.test(text);
}

export function splitPrefixedConversation(text: string, issues: IssueLog): Turn[] {
  const turns: Turn[] = [];
  let role: TurnRole = "system"; // text before the first marker is context, e.g. "## Example"
  let contentStart = 0;
  for (const match of text.matchAll(LINE_PREFIX)) {
    const content = text.slice(contentStart, match.index);
    pushTurn(turns, role, parseTurnContent(role, content, issues), content);
    role = ROLE_BY_PREFIX[match[1]];
    contentStart = match.index + match[0].length;
  }
  const content = text.slice(contentStart);
  pushTurn(turns, role, parseTurnContent(role, content, issues), content);
  return turns;
}

/**
 * The native format with no speaker labels: <INPUT>...</INPUT> and <NEXT/> are
 * user turns, everything between them is the assistant's (plain text before the
 * first <INPUT> is a system turn). Without <INPUT>, a
 * leading part holding a tier flag or <user_input> (e.g. the "[METADATA]:" style)
 * is the user's; otherwise the whole text is a bare assistant response.
 */
export function splitNativeConversation(text: string, issues: IssueLog): Turn[] {
  const source = scanTags(text);
  const { tokens } = source;
  const turns: Turn[] = [];
  let i = 0;
  let pos = 0;
  while (pos < text.length) {
    const token: TagToken | undefined = tokens[i];
    const userEnd =
      token && isTurnBoundary(token) && isBlank(text, pos, token.start)
        ? userTurnEnd(source, i)
        : turns.length === 0
          ? leadingUserPartEnd(source, i)
          : null;
    if (userEnd) {
      const range = { from: i, to: userEnd.token, start: pos, end: userEnd.char };
      pushTurn(turns, "user", parseUserContent(source, range, issues));
      [i, pos] = [userEnd.token, userEnd.char];
      continue;
    }
    const range = { from: i, to: tokens.length, start: pos, end: text.length };
    const assistant = parseAssistantContent(source, range, issues, true);
    const isPreamble = turns.length === 0 && isOpening(tokens[assistant.stopToken], "input") && isPlainText(assistant.blocks);
    pushTurn(turns, isPreamble ? "system" : "assistant", assistant.blocks, text, { start: pos, end: assistant.stopChar, tokens });
    [i, pos] = [assistant.stopToken, assistant.stopChar];
  }
  return turns;
}

interface Boundary {
  token: number;
  char: number;
}

/** A <NEXT/> is a turn by itself; <INPUT> runs to </INPUT>, or unclosed, to where the assistant starts. */
function userTurnEnd(source: TagSource, openIndex: number): Boundary {
  const { tokens } = source;
  const open = tokens[openIndex];
  if (open.kind === "next") return { token: openIndex + 1, char: open.end };
  let inUserInput = false;
  for (let j = openIndex + 1; j < tokens.length; j++) {
    const token = tokens[j];
    if (isClosing(token, "input")) return { token: j + 1, char: token.end };
    if (token.kind === "user_input") inUserInput = !token.closing;
    else if (!inUserInput && (isTurnBoundary(token) || startsAssistantPart(token))) return { token: j, char: token.start };
  }
  return { token: tokens.length, char: source.text.length };
}

function leadingUserPartEnd(source: TagSource, from: number): Boundary | null {
  const { tokens } = source;
  let sawUserTag = false;
  for (let j = from; j < tokens.length; j++) {
    const token = tokens[j];
    if (isTurnBoundary(token) || startsAssistantPart(token)) {
      return sawUserTag ? { token: j, char: token.start } : null;
    }
    if (isOpening(token, "tier") || isOpening(token, "user_input")) sawUserTag = true;
  }
  return sawUserTag ? { token: tokens.length, char: source.text.length } : null;
}

/** Plain text before the first <INPUT> is a heading or context, not something the model said. */
function isPlainText(blocks: Block[]): boolean {
  return blocks.every((block) => block.kind === "text");
}

function startsAssistantPart(token: TagToken): boolean {
  if (token.kind === "scratchpad" || token.kind === "think") return true;
  return token.kind === "output" && !token.closing;
}

/** `source` (and, within it, `range` with its scanned tags) is the turn's raw text, for the conservation check. */
function pushTurn(
  turns: Turn[],
  role: TurnRole,
  blocks: Block[],
  source?: string,
  range?: { start: number; end: number; tokens: readonly TagToken[] },
): void {
  if (blocks.length === 0) return;
  const turn: Turn = { role, blocks };
  if (role === "assistant" && source !== undefined) recordTurnSource(turn, source, range);
  turns.push(turn);
}
