import type { FormatIssue } from "./types";

/**
 * The tag scanner shared by the transcript parsers. It is hand-written rather
 * than regex-based so that hostile input (megabytes of "<", unclosed tags) costs
 * one linear pass: every "<" is examined at most MAX_NAME + MAX_SPACE characters.
 */

/** The structural role of a tag the parser understands. Every other tag is text. */
export type TagKind = "scratchpad" | "think" | "output" | "draft_output" | "input" | "user_input" | "tier" | "next";

export interface TagToken {
  kind: TagKind;
  closing: boolean;
  /** false when the spelling differs from the paper's (case included). */
  canonical: boolean;
  /** Offset of "<", end of the name, and offset just after ">". */
  start: number;
  nameEnd: number;
  end: number;
}

/** A text and its recognised tags, in order. */
export interface TagSource {
  text: string;
  tokens: TagToken[];
}

/** Part of a TagSource: characters [start, end) holding tokens [from, to). */
export interface SourceRange {
  from: number;
  to: number;
  start: number;
  end: number;
}

/** Issues seen so far; a Set keeps each code once, in order of first occurrence. */
export type IssueLog = Set<FormatIssue>;

interface KnownTag {
  kind: TagKind;
  lowerName: string;
}

const CANONICAL_NAME: Record<TagKind, string> = {
  scratchpad: "SCRATCHPAD_REASONING",
  think: "think",
  output: "OUTPUT",
  draft_output: "DRAFT_OUTPUT",
  input: "INPUT",
  user_input: "user_input",
  tier: "is_free_tier_user",
  next: "NEXT",
};

// Spellings seen in replications, matched in any casing.
const KNOWN_TAGS: KnownTag[] = [
  { kind: "scratchpad", lowerName: "scratchpad_reasoning" },
  { kind: "scratchpad", lowerName: "hidden_scratchpad" },
  { kind: "scratchpad", lowerName: "hidden_scratchpad_reasoning" },
  { kind: "scratchpad", lowerName: "scratchpad" },
  { kind: "scratchpad", lowerName: "scratch_pad" },
  { kind: "think", lowerName: "think" },
  { kind: "output", lowerName: "output" },
  { kind: "draft_output", lowerName: "draft_output" },
  { kind: "input", lowerName: "input" },
  { kind: "user_input", lowerName: "user_input" },
  { kind: "tier", lowerName: "is_free_tier_user" },
  { kind: "next", lowerName: "next" },
];

// Bucketed by length and compared in place: tag-dense input then costs one
// small object per tag and no string copies.
const KNOWN_TAGS_BY_LENGTH = new Map<number, KnownTag[]>();
for (const tag of KNOWN_TAGS) {
  KNOWN_TAGS_BY_LENGTH.set(tag.lowerName.length, [...(KNOWN_TAGS_BY_LENGTH.get(tag.lowerName.length) ?? []), tag]);
}

const MAX_NAME = 40;
const MAX_SPACE = 16;
const LT = 60;
const GT = 62;
const SLASH = 47;

export function scanTags(text: string): TagSource {
  const tokens: TagToken[] = [];
  let at = text.indexOf("<");
  while (at !== -1) {
    // Only the last "<" of a run can open a tag; runs of them are hostile input's
    // favourite, so they are skipped in a tight loop rather than one call each.
    while (text.charCodeAt(at + 1) === LT) at++;
    const token = mayStartTag(text.charCodeAt(at + 1)) ? readTagAt(text, at) : null;
    if (token !== null) tokens.push(token);
    at = text.indexOf("<", token === null ? at + 1 : token.end);
  }
  return { text, tokens };
}

export function wholeRange(source: TagSource): SourceRange {
  return { from: 0, to: source.tokens.length, start: 0, end: source.text.length };
}

/** The tag's name exactly as written, e.g. "HIDDEN_SCRATCHPAD". */
export function tagName(text: string, token: TagToken): string {
  return text.slice(nameStart(token), token.nameEnd);
}

function nameStart(token: TagToken): number {
  return token.start + (token.closing ? 2 : 1);
}

function mayStartTag(code: number): boolean {
  return code === SLASH || isNameChar(code);
}

function readTagAt(text: string, start: number): TagToken | null {
  let i = start + 1;
  const closing = text.charCodeAt(i) === SLASH;
  if (closing) i++;
  const nameStart = i;
  while (i - nameStart < MAX_NAME && isNameChar(text.charCodeAt(i))) i++;
  const nameEnd = i;
  const known = findKnownTag(text, nameStart, nameEnd);
  if (!known) return null;
  const { kind } = known;
  i = skipSpaces(text, i);
  const selfClosing = text.charCodeAt(i) === SLASH;
  if (selfClosing) i = skipSpaces(text, i + 1);
  if (text.charCodeAt(i) !== GT) return null;
  // Only <NEXT/> is self-closing; "<OUTPUT/>" or "</NEXT>" carry no structure.
  if (kind === "next" ? closing : selfClosing) return null;
  const canonical = matchesAt(text, nameStart, nameEnd, CANONICAL_NAME[kind], false);
  return { kind, closing, canonical, start, nameEnd, end: i + 1 };
}

function findKnownTag(text: string, start: number, end: number): KnownTag | null {
  const candidates = KNOWN_TAGS_BY_LENGTH.get(end - start);
  if (!candidates) return null;
  for (const tag of candidates) if (matchesAt(text, start, end, tag.lowerName, true)) return tag;
  return null;
}

function matchesAt(text: string, start: number, end: number, name: string, ignoreCase: boolean): boolean {
  if (end - start !== name.length) return false;
  for (let k = 0; k < name.length; k++) {
    let code = text.charCodeAt(start + k);
    if (ignoreCase && code >= 65 && code <= 90) code += 32;
    if (code !== name.charCodeAt(k)) return false;
  }
  return true;
}

function isNameChar(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    (code >= 48 && code <= 57) || // 0-9
    code === 95 // _
  );
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i - from < MAX_SPACE && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export function isOpening(token: TagToken | undefined, kind: TagKind): boolean {
  return token !== undefined && token.kind === kind && !token.closing;
}

export function isClosing(token: TagToken | undefined, kind: TagKind): boolean {
  return token !== undefined && token.kind === kind && token.closing;
}

/** In a whole conversation, <INPUT> and <NEXT/> start a user turn. */
export function isTurnBoundary(token: TagToken): boolean {
  return !token.closing && (token.kind === "input" || token.kind === "next");
}

/** Records the spelling issue when a tag is used for structure (not when quoted as text). */
export function noteSpelling(issues: IssueLog, token: TagToken): void {
  if (!token.canonical && token.kind !== "think") issues.add("alternative_tag_spelling");
}

/** Whitespace as String.prototype.trim sees it, without copying the range. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code <= 32 ? !isAsciiSpace(code) : code < 127 || !WHITESPACE.test(text[i])) return false;
  }
  return true;
}

const WHITESPACE = /^\s$/;

function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}
