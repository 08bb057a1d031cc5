import type { Block } from "./types";
import { isBlank, isClosing, isOpening, noteSpelling, type IssueLog, type SourceRange, type TagSource, type TagToken } from "./parse-tags";

/** Where a sub-parser stopped: the next token to look at and the next character. */
interface Resume {
  nextToken: number;
  nextChar: number;
  close?: TagToken;
  /** What the tag produced, if anything. */
  block?: Block;
}

const METADATA_PREFIX = /^\[METADATA\]\s*:$/i;
const TIER_VALUES = new Map<string, boolean>([
  ["true", true],
  ["yes", true],
  ["1", true],
  ["false", false],
  ["no", false],
  ["0", false],
]);

/**
 * Parses a user turn: the tier flag, the query, <NEXT/>. Text outside any tag
 * is the query when there is no <user_input> tag (the "[METADATA]:" style puts
 * the bare query after the tier line).
 */
export function parseUserContent(source: TagSource, range: SourceRange, issues: IssueLog): Block[] {
  const { text, tokens } = source;
  // Strings are untagged text, settled once we know whether a tag gave the query.
  const parts: (Block | string)[] = [];
  let pos = range.start;
  let i = range.from;
  while (i < range.to) {
    const token = tokens[i];
    let resume: Resume = { nextToken: i + 1, nextChar: token.end };
    let looseEnd = token.start;
    if (isOpening(token, "tier")) {
      const tier = readTier(source, i, range, pos);
      looseEnd = tier.metadataStart ?? token.start;
      if (tier.block.kind === "tier" && tier.block.source === "metadata") issues.add("tier_from_metadata");
      resume = tier;
    } else if (isOpening(token, "user_input")) {
      resume = readUserInput(source, i, range);
    } else if (!isOpening(token, "next") && token.kind !== "input" && !token.closing) {
      i++; // any other tag is part of the text
      continue;
    } // else: <NEXT/>, or a wrapper or stray closing tag that carries nothing
    if (looseEnd > pos) parts.push(text.slice(pos, looseEnd));
    const block = resume.block ?? (isOpening(token, "next") ? { kind: "next" } : null);
    if (block) parts.push(block);
    noteSpelling(issues, token);
    if (resume.close) noteSpelling(issues, resume.close);
    i = resume.nextToken;
    pos = resume.nextChar;
  }
  if (range.end > pos) parts.push(text.slice(pos, range.end));
  return settleLooseText(parts);
}

/** Untagged text becomes the query if no <user_input> tag gave one; else it is kept as text. */
function settleLooseText(parts: (Block | string)[]): Block[] {
  let hasTaggedInput = false;
  let looseText = "";
  for (const part of parts) {
    if (typeof part === "string") looseText += part;
    else if (part.kind === "user_input") hasTaggedInput = true;
  }
  const derivedInput = hasTaggedInput ? "" : looseText.trim();
  const blocks: Block[] = [];
  let derivedPlaced = false;
  for (const part of parts) {
    if (typeof part !== "string") blocks.push(part);
    else if (derivedInput) {
      // Placed where the query text starts, e.g. after a "[METADATA]:" tier line.
      if (derivedPlaced || isBlank(part, 0, part.length)) continue;
      blocks.push({ kind: "user_input", text: derivedInput });
      derivedPlaced = true;
    } else if (!isBlank(part, 0, part.length)) blocks.push({ kind: "text", text: part.trim() });
  }
  return blocks;
}

interface TierRead extends Resume {
  block: Block;
  /** Where a "[METADATA]:" marker before the tag starts, so it is not taken as query text. */
  metadataStart: number | null;
}

function readTier(source: TagSource, openIndex: number, range: SourceRange, lineFloor: number): TierRead {
  const { text, tokens } = source;
  const open = tokens[openIndex];
  const next = openIndex + 1 < range.to ? tokens[openIndex + 1] : undefined;
  const close = next && isClosing(next, "tier") ? next : undefined;
  const valueEnd = close ? close.start : endOfLine(text, open.end, next ? next.start : range.end);
  const resume: Resume = close
    ? { nextToken: openIndex + 2, nextChar: close.end, close }
    : { nextToken: openIndex + 1, nextChar: valueEnd };
  const metadataStart = findMetadataMarker(text, open.start, lineFloor);
  const isFreeTier = TIER_VALUES.get(text.slice(open.end, valueEnd).trim().toLowerCase());
  const block: Block =
    isFreeTier === undefined
      ? { kind: "text", text: text.slice(metadataStart ?? open.start, resume.nextChar).trim() }
      : { kind: "tier", isFreeTier, source: metadataStart === null ? "tag" : "metadata" };
  return { block, metadataStart, ...resume };
}

function endOfLine(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (text.charCodeAt(i) === 10) return i;
  return limit;
}

/** The "[METADATA]:" marker must sit alone on the tag's line, before the tag. */
function findMetadataMarker(text: string, tagStart: number, floor: number): number | null {
  let lineStart = tagStart;
  while (lineStart > floor && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  const before = text.slice(lineStart, tagStart);
  if (!METADATA_PREFIX.test(before.trim())) return null;
  return lineStart + (before.length - before.trimStart().length);
}

/** <user_input> runs to its close; unclosed, to </INPUT>, another <user_input>, or the turn's end. */
function readUserInput(source: TagSource, openIndex: number, range: SourceRange): Resume {
  const { text, tokens } = source;
  const open = tokens[openIndex];
  const inputUpTo = (end: number): Block => ({ kind: "user_input", text: text.slice(open.end, end).trim() });
  for (let j = openIndex + 1; j < range.to; j++) {
    const token = tokens[j];
    if (isClosing(token, "user_input")) {
      return { block: inputUpTo(token.start), nextToken: j + 1, nextChar: token.end, close: token };
    }
    if (isOpening(token, "user_input") || isClosing(token, "input")) {
      return { block: inputUpTo(token.start), nextToken: j, nextChar: token.start };
    }
  }
  return { block: inputUpTo(range.end), nextToken: range.to, nextChar: range.end };
}
