/**
 * Splits a byte stream into lines without ever holding more than one line
 * (and never more than `maxBytes` of it): a file of any size, including one
 * with no newline at all, reads in flat memory.
 */
export interface Line {
  /** 1-based. */
  number: number;
  /** The line without its "\n" or "\r\n"; null when it was longer than maxBytes. */
  bytes: Buffer | null;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export async function* splitLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = false;
  let number = 1;
  const finish = (): Line => {
    let bytes: Buffer | null = null;
    if (!overflow) {
      bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
      if (bytes.length && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, bytes.length - 1);
    }
    const line = { number, bytes };
    parts = [];
    length = 0;
    overflow = false;
    number++;
    return line;
  };
  const append = (piece: Buffer) => {
    if (overflow || !piece.length) return;
    length += piece.length;
    if (length > maxBytes) {
      overflow = true;
      parts = [];
    } else parts.push(piece);
  };

  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
      append(chunk.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    // Copy the tail: the chunk's buffer may be reused by the stream.
    if (start < chunk.length) append(Buffer.from(chunk.subarray(start)));
  }
  if (length > 0 || overflow) yield finish();
}
