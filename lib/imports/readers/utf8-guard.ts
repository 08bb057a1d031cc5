import { NOT_UTF8 } from "./types";

/**
 * Passes text through while checking it is UTF-8 (a CSV parser would
 * otherwise replace bad bytes silently). On bad bytes it stops with the line
 * they are on: past that point the file is not text we can trust.
 */
export class Utf8GuardError extends Error {
  constructor(readonly line: number) {
    super(NOT_UTF8);
  }
}

export async function* guardUtf8(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let line = 1;
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      // Pass on the whole lines before the bad bytes, then stop.
      const bad = firstBadLine(chunk);
      const before = new TextDecoder("utf-8").decode(chunk.subarray(0, bad.start));
      if (before) yield before;
      throw new Utf8GuardError(line + bad.offset);
    }
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) line++;
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new Utf8GuardError(line);
  }
}

/** Which line of the chunk (0-based) holds the first invalid bytes, and where it starts; a line split across chunks counts as the first. */
function firstBadLine(chunk: Buffer): { offset: number; start: number } {
  const strict = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let offset = 0; ; offset++) {
    const end = chunk.indexOf(0x0a, start);
    try {
      strict.decode(chunk.subarray(start, end === -1 ? chunk.length : end));
    } catch {
      return { offset, start };
    }
    if (end === -1) return { offset, start };
    start = end + 1;
  }
}
