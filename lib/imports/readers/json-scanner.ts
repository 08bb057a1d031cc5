/**
 * Finds the records of a JSON file in a byte stream without parsing the whole
 * file: each record's bytes are cut out (and only then JSON.parse'd by the
 * caller), so memory holds one record at a time, and every record knows the
 * line it starts on. (stream-json streams too, but reports no positions, and
 * errors must name their line.)
 *
 * Records are the elements of a top-level array, or, in a top-level object,
 * the elements of each member array whose key is not a record field (a file
 * "nested by condition": {"free": [...], "paid": [...]}; the key comes along
 * as `group`). Other members of a top-level object are emitted as members:
 * a file holding a single record.
 */
export type ScanEvent =
  | { kind: "element"; line: number; bytes: Buffer | null; group?: string }
  | { kind: "member"; line: number; key: string; bytes: Buffer | null }
  | { kind: "error"; line: number; message: string };

const OPEN_ARRAY = 0x5b,
  CLOSE_ARRAY = 0x5d,
  OPEN_OBJECT = 0x7b,
  CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22,
  BACKSLASH = 0x5c,
  COMMA = 0x2c,
  COLON = 0x3a,
  NEWLINE = 0x0a;
const isSpace = (b: number) => b === 0x20 || b === NEWLINE || b === 0x0d || b === 0x09;

interface Capture {
  kind: "element" | "member" | "key";
  base: number; // depth before the value opened
  line: number;
  parts: Buffer[];
  length: number;
  start: number; // offset in the current chunk, or -1 once stored
  scalar: boolean;
  overflow: boolean;
}

export class JsonRecordScanner {
  private depth = 0;
  private top = 0; // OPEN_ARRAY or OPEN_OBJECT once seen
  private ended = false;
  private failed = false;
  private inString = false;
  private escaped = false;
  private line = 1;
  private atStart = true;
  private needValue = false; // inside an array of records, after "[" or ","
  private objectState: "key" | "colon" | "value" | "after" = "key";
  private key = "";
  private group: string | null = null;
  private capture: Capture | null = null;

  constructor(
    private readonly maxBytes: number,
    private readonly isRecordField: (key: string) => boolean,
  ) {}

  *feed(chunk: Buffer): Generator<ScanEvent> {
    if (this.failed) return;
    if (this.capture) this.capture.start = 0;
    let i = 0;
    if (this.atStart && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3; // UTF-8 BOM
    while (i < chunk.length) {
      if (this.inString) {
        i = this.skipString(chunk, i);
        const capture = this.capture;
        if (!this.inString && capture && !capture.scalar && this.depth === capture.base) yield* this.endCapture(chunk, i);
        continue;
      }
      const b = chunk[i];
      const capture = this.capture;
      if (capture) {
        if (capture.scalar && this.depth === capture.base && (b === COMMA || b === CLOSE_ARRAY || b === CLOSE_OBJECT || isSpace(b))) {
          yield* this.endCapture(chunk, i); // the delimiter is not part of the value: handled on the next turn
          continue;
        }
        if (b === NEWLINE) this.line++;
        else if (b === QUOTE) this.inString = true;
        else if (b === OPEN_ARRAY || b === OPEN_OBJECT) this.depth++;
        else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) this.depth--;
        i++;
        if (!capture.scalar && this.depth === capture.base) yield* this.endCapture(chunk, i);
        continue;
      }
      i++;
      if (b === NEWLINE) {
        this.line++;
        continue;
      }
      if (isSpace(b)) continue;
      const problem = this.structural(b, i - 1);
      if (problem) {
        this.failed = true;
        yield { kind: "error", line: this.line, message: problem };
        return;
      }
    }
    this.atStart = false;
    this.store(chunk, chunk.length);
  }

  *end(): Generator<ScanEvent> {
    if (this.failed) return;
    if (this.capture?.scalar && this.depth === this.capture.base) {
      yield* this.endCapture(Buffer.alloc(0), 0);
    }
    // Nothing but whitespace: an empty file, which holds no records (not an error of its own).
    if (this.top && !this.ended)
      yield { kind: "error", line: this.line, message: "the JSON ends early: an array, object or string is not closed" };
  }

  /** Handles a byte outside any captured value; returns a problem, or null. */
  private structural(b: number, at: number): string | null {
    if (this.ended) return "unexpected data after the end of the JSON value";
    if (!this.top) {
      if (b !== OPEN_ARRAY && b !== OPEN_OBJECT) return "not JSON: the file must start with [ or {";
      this.top = b;
      this.depth = 1;
      this.needValue = b === OPEN_ARRAY;
      return null;
    }
    const inRecordArray = (this.top === OPEN_ARRAY && this.depth === 1) || this.group !== null;
    if (inRecordArray) {
      if (b === CLOSE_ARRAY) return this.closeArray();
      if (b === COMMA && !this.needValue) {
        this.needValue = true;
        return null;
      }
      if (!this.needValue) return `expected "," or "]" between records, found "${String.fromCharCode(b)}"`;
      this.startCapture("element", b, at);
      this.needValue = false;
      return null;
    }
    // Top-level object: key, colon, value, comma.
    if (this.objectState === "key") {
      if (b === CLOSE_OBJECT) return this.finish();
      if (b !== QUOTE) return `expected a key in quotes, found "${String.fromCharCode(b)}"`;
      this.startCapture("key", b, at);
      return null;
    }
    if (this.objectState === "colon") {
      if (b !== COLON) return `expected ":" after the key "${this.key}"`;
      this.objectState = "value";
      return null;
    }
    if (this.objectState === "value") {
      if (b === OPEN_ARRAY && !this.isRecordField(this.key)) {
        this.group = this.key;
        this.depth = 2;
        this.needValue = true;
        return null;
      }
      this.startCapture("member", b, at);
      return null;
    }
    if (b === CLOSE_OBJECT) return this.finish();
    if (b !== COMMA) return `expected "," or "}" after the value of "${this.key}"`;
    this.objectState = "key";
    return null;
  }

  private closeArray(): string | null {
    if (this.needValue && this.sawElement) return "a trailing comma before ]";
    this.sawElement = false;
    if (this.group !== null) {
      this.group = null;
      this.depth = 1;
      this.objectState = "after";
      this.needValue = false;
      return null;
    }
    return this.finish();
  }

  private sawElement = false;

  private finish(): null {
    this.depth = 0;
    this.ended = true;
    return null;
  }

  private startCapture(kind: Capture["kind"], b: number, at: number) {
    const scalar = b !== OPEN_ARRAY && b !== OPEN_OBJECT && b !== QUOTE;
    this.capture = { kind, base: this.depth, line: this.line, parts: [], length: 0, start: at, scalar, overflow: false };
    if (kind === "element") this.sawElement = true;
    if (b === QUOTE) this.inString = true;
    else if (!scalar) this.depth++;
  }

  /** Moves the captured bytes of the current chunk into the capture's parts. */
  private store(chunk: Buffer, end: number) {
    const capture = this.capture;
    if (!capture || capture.start < 0) return;
    const piece = chunk.subarray(capture.start, end);
    capture.start = -1;
    if (capture.overflow) return;
    capture.length += piece.length;
    if (capture.length > this.maxBytes) {
      capture.overflow = true;
      capture.parts = [];
    } else capture.parts.push(Buffer.from(piece)); // copied: the stream may reuse its buffer
  }

  private *endCapture(chunk: Buffer, end: number): Generator<ScanEvent> {
    this.store(chunk, end);
    const capture = this.capture!;
    this.capture = null;
    const bytes = capture.overflow ? null : Buffer.concat(capture.parts, capture.length);
    if (capture.kind === "key") {
      try {
        this.key = JSON.parse(bytes?.toString("utf8") ?? '""');
      } catch {
        this.key = bytes?.toString("utf8") ?? "";
      }
      this.objectState = "colon";
      return;
    }
    if (capture.kind === "member") {
      this.objectState = "after";
      yield { kind: "member", line: capture.line, key: this.key, bytes };
      return;
    }
    yield { kind: "element", line: capture.line, bytes, ...(this.group !== null ? { group: this.group } : {}) };
  }

  /**
   * Inside a string: jumps to its closing quote, a quote preceded by an even
   * run of backslashes. Linear in the string's length; strings hold no raw
   * newlines, so line numbers stay right.
   */
  private skipString(chunk: Buffer, from: number): number {
    let i = from;
    if (this.escaped) {
      this.escaped = false;
      i++;
    }
    while (i < chunk.length) {
      const quote = chunk.indexOf(QUOTE, i);
      if (quote === -1) {
        this.escaped = backslashRun(chunk, chunk.length, i) % 2 === 1;
        return chunk.length;
      }
      if (backslashRun(chunk, quote, i) % 2 === 0) {
        this.inString = false;
        return quote + 1;
      }
      i = quote + 1;
    }
    return i;
  }
}

/** How many backslashes come right before `end`, not looking before `floor`. */
function backslashRun(chunk: Buffer, end: number, floor: number): number {
  let run = 0;
  while (end - run - 1 >= floor && chunk[end - run - 1] === BACKSLASH) run++;
  return run;
}
