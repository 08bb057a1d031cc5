import type { Block, ScratchpadSegment } from "./types";
import {
  isBlank,
  isClosing,
  isOpening,
  isTurnBoundary,
  noteSpelling,
  scanTags,
  tagName,
  wholeRange,
  type IssueLog,
  type SourceRange,
  type TagSource,
  type TagToken,
} from "./parse-tags";

/** A tag's content: characters and tokens, whether it was closed, and where parsing resumes. */
interface Region extends SourceRange {
  closed: boolean;
  close: TagToken | null;
  nextToken: number;
  nextChar: number;
}

export interface AssistantParse {
  blocks: Block[];
  /** Where parsing stopped: a turn boundary, or the end of the range. */
  stopToken: number;
  stopChar: number;
}

/**
 * Parses assistant content: scratchpads, <OUTPUT>, and the text around them.
 * With `stopAtTurnBoundary` (a whole conversation in one string) it returns at
 * the first <INPUT> or <NEXT/> that is not inside a closed tag.
 */
export function parseAssistantContent(
  source: TagSource,
  range: SourceRange,
  issues: IssueLog,
  stopAtTurnBoundary: boolean,
): AssistantParse {
  const { text, tokens } = source;
  const blocks: Block[] = [];
  let pendingChar = range.start;
  let pendingToken = range.from;

  let i = range.from;
  while (i < range.to) {
    const token = tokens[i];
    if (stopAtTurnBoundary && isTurnBoundary(token)) {
      pushText(blocks, text, pendingChar, token.start);
      return { blocks, stopToken: i, stopChar: token.start };
    }
    if (opensRegion(token)) {
      pushText(blocks, text, pendingChar, token.start);
      const region = findRegion(source, i, range, stopAtTurnBoundary);
      blocks.push(regionBlock(source, token, region, issues));
      i = region.nextToken;
      pendingChar = region.nextChar;
      pendingToken = i;
      continue;
    }
    if (closesReasoning(token) && blocks.length === 0) {
      // No opening tag before it in the turn: the opening was in a prefill the
      // source left out, so the turn so far is the reasoning it closes. Later in
      // a turn (after a closed scratchpad) a stray close is just kept as text.
      const reasoning = { from: pendingToken, to: i, start: pendingChar, end: token.start };
      blocks.push(scratchpadBlock(source, tagName(source.text, token), reasoning, true, issues));
      issues.add(token.kind === "think" ? "orphan_think_close" : "orphan_scratchpad_close");
      noteSpelling(issues, token);
      pendingChar = token.end;
      pendingToken = ++i;
      continue;
    }
    if (isOpening(token, "next")) {
      pushText(blocks, text, pendingChar, token.start);
      blocks.push({ kind: "next" });
      pendingChar = token.end;
      pendingToken = i + 1;
    }
    i++;
  }
  pushText(blocks, text, pendingChar, range.end);
  return { blocks, stopToken: range.to, stopChar: range.end };
}

function pushText(blocks: Block[], text: string, start: number, end: number): void {
  if (!isBlank(text, start, end)) blocks.push({ kind: "text", text: text.slice(start, end).trim() });
}

function opensRegion(token: TagToken): boolean {
  return !token.closing && (token.kind === "scratchpad" || token.kind === "think" || token.kind === "output");
}

function closesReasoning(token: TagToken): boolean {
  return token.closing && (token.kind === "scratchpad" || token.kind === "think");
}

function regionBlock(source: TagSource, open: TagToken, region: Region, issues: IssueLog): Block {
  noteSpelling(issues, open);
  if (region.close) noteSpelling(issues, region.close);
  if (open.kind === "output") {
    if (!region.closed) issues.add("unterminated_output");
    const content = source.text.slice(region.start, region.end).trim();
    return { kind: "output", text: content, closed: region.closed, tagged: true };
  }
  if (!region.closed) issues.add("unterminated_scratchpad");
  return scratchpadBlock(source, tagName(source.text, open), region, region.closed, issues);
}

/**
 * A tag's content runs to its closing tag. Unclosed, it runs to the end of the
 * turn: the next tag of the same kind, a turn boundary, or the end of input.
 * One exception keeps answers: a scratchpad left open right before a complete
 * <OUTPUT>...</OUTPUT> ends there, since a real answer is almost always closed.
 */
function findRegion(source: TagSource, openIndex: number, range: SourceRange, stopAtTurnBoundary: boolean): Region {
  const { tokens } = source;
  const open = tokens[openIndex];
  let end = range.to;
  let boundary = -1;
  for (let j = openIndex + 1; j < range.to; j++) {
    const token = tokens[j];
    if (token.kind === open.kind) {
      if (token.closing) return closedRegion(open, openIndex, token, j);
      end = j;
      break;
    }
    if (boundary < 0 && stopAtTurnBoundary && isTurnBoundary(token)) boundary = j;
  }
  if (boundary >= 0) end = boundary;
  if (open.kind !== "output") end = firstClosedOutput(tokens, openIndex + 1, end) ?? end;
  const endChar = end < range.to ? tokens[end].start : range.end;
  return {
    from: openIndex + 1,
    to: end,
    start: open.end,
    end: endChar,
    closed: false,
    close: null,
    nextToken: end,
    nextChar: endChar,
  };
}

function closedRegion(open: TagToken, openIndex: number, close: TagToken, closeIndex: number): Region {
  return {
    from: openIndex + 1,
    to: closeIndex,
    start: open.end,
    end: close.start,
    closed: true,
    close,
    nextToken: closeIndex + 1,
    nextChar: close.end,
  };
}

/** Index of the first <OUTPUT> in [from, to) whose </OUTPUT> also lies before `to`. */
function firstClosedOutput(tokens: TagToken[], from: number, to: number): number | null {
  let open = -1;
  for (let j = from; j < to; j++) {
    if (open < 0 && isOpening(tokens[j], "output")) open = j;
    else if (open >= 0 && tokens[j].kind === "output") return tokens[j].closing ? open : null;
  }
  return null;
}

/** Reasoning the source kept in its own field: one closed scratchpad, its drafts split out like any other. */
export function reasoningFieldBlock(text: string, source: string, issues: IssueLog): Block {
  const tagged = scanTags(text);
  return { ...scratchpadBlock(tagged, source, wholeRange(tagged), true, issues), field: true };
}

type ScratchpadBlock = Extract<Block, { kind: "scratchpad" }>;

function scratchpadBlock(source: TagSource, tag: string, content: SourceRange, closed: boolean, issues: IssueLog): ScratchpadBlock {
  return {
    kind: "scratchpad",
    tag,
    closed,
    // DRAFT_OUTPUT tags stay in the text verbatim; `segments` is the structured view.
    text: source.text.slice(content.start, content.end).trim(),
    segments: splitSegments(source, content, issues),
  };
}

/** Splits scratchpad content into reasoning and <DRAFT_OUTPUT> drafts. */
function splitSegments(source: TagSource, content: SourceRange, issues: IssueLog): ScratchpadSegment[] {
  const { text, tokens } = source;
  const segments: ScratchpadSegment[] = [];
  let pos = content.start;
  let i = content.from;
  while (i < content.to) {
    const open = tokens[i];
    if (!isOpening(open, "draft_output")) {
      i++;
      continue;
    }
    pushReasoning(segments, text, pos, open.start);
    const draft = findDraftEnd(tokens, i, content);
    noteSpelling(issues, open);
    if (draft.close) noteSpelling(issues, draft.close);
    else issues.add("unterminated_draft_output");
    const draftEnd = draft.close ? draft.close.start : draft.endIndex < content.to ? tokens[draft.endIndex].start : content.end;
    segments.push({ kind: "draft_output", text: text.slice(open.end, draftEnd).trim(), closed: draft.close !== null });
    pos = draft.close ? draft.close.end : draftEnd;
    i = draft.close ? draft.endIndex + 1 : draft.endIndex;
  }
  pushReasoning(segments, text, pos, content.end);
  return segments;
}

function pushReasoning(segments: ScratchpadSegment[], text: string, start: number, end: number): void {
  if (!isBlank(text, start, end)) segments.push({ kind: "reasoning", text: text.slice(start, end).trim() });
}

/** An unclosed draft runs to the next draft or the end of the scratchpad. */
function findDraftEnd(tokens: TagToken[], openIndex: number, content: SourceRange): { close: TagToken | null; endIndex: number } {
  for (let j = openIndex + 1; j < content.to; j++) {
    if (isClosing(tokens[j], "draft_output")) return { close: tokens[j], endIndex: j };
    if (isOpening(tokens[j], "draft_output")) return { close: null, endIndex: j };
  }
  return { close: null, endIndex: content.to };
}
