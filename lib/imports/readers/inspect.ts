import { promisify } from "node:util";
import yauzl from "yauzl";
import { inspectHeader, inspectSampleRecord, type InspectHeader } from "../native/inspect";
import { JsonRecordScanner } from "./json-scanner";
import { NOT_UTF8, decodeUtf8, describeJsonError, isPlainObject, tooLong, type ReaderOptions, type SourceItem } from "./types";

/**
 * Inspect AI logs, streamed sample by sample (a log can be gigabytes):
 * - `.eval`: a zip of `header.json` (the eval: task, model), `samples/<id>_epoch_<n>.json`,
 *   `summaries.json`, `_journal/...`. Read with yauzl from the central directory, one entry
 *   at a time, so only one sample is ever in memory; the header first, wherever it sits.
 * - `.json`: one document, `{version, status, eval, plan, results, stats, samples: [...]}`,
 *   cut into samples by the streaming scanner; `eval` comes before `samples` in every log.
 * Each sample's `line` is its position in the log (1, 2, ...), so errors name it.
 */
export const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export interface InspectReaderOptions extends ReaderOptions {
  /** The file itself: a zip is read by random access (its directory is at the end). */
  filePath?: string;
  /** A zip is not read as a stream of chunks: this hears how many of its bytes were read so far. */
  onZipBytes?: (bytes: number) => void;
}

export async function* readInspect(chunks: AsyncIterable<Buffer>, options: InspectReaderOptions): AsyncGenerator<SourceItem> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  if (first.value.subarray(0, 4).equals(ZIP_MAGIC)) {
    await iterator.return?.();
    if (!options.filePath) throw new Error("an .eval log is read from a file");
    yield* readEvalZip(options.filePath, options);
    return;
  }
  const rest = (async function* () {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  yield* readInspectJson(rest, options);
}

type ZipFile = yauzl.ZipFile;
type Entry = yauzl.Entry;
const openZip = promisify<string, yauzl.Options, ZipFile>(yauzl.open);
const SAMPLE_ENTRY = /^samples\/(.+)_epoch_(\d+)\.json$/;

async function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const stream = await promisify(zip.openReadStream.bind(zip))(entry);
  const parts: Buffer[] = [];
  for await (const part of stream as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

/** Every entry of the central directory (names and offsets only: small even for a huge log). */
async function listEntries(zip: ZipFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once("end", resolve);
    zip.once("error", reject);
    zip.readEntry();
  });
  return entries;
}

async function* readEvalZip(filePath: string, options: InspectReaderOptions): AsyncGenerator<SourceItem> {
  let zip: ZipFile;
  try {
    zip = await openZip(filePath, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true });
  } catch (error) {
    yield { line: 0, error: `not a readable .eval (zip) log: ${(error as Error).message}` };
    return;
  }
  try {
    const entries = await listEntries(zip);
    // A finished log has header.json; one still running has only _journal/start.json, which holds the same eval.
    const headerEntry = entries.find((e) => e.fileName === "header.json") ?? entries.find((e) => e.fileName === "_journal/start.json");
    let header: InspectHeader = {};
    if (headerEntry) {
      const parsed = parseJson(await readEntry(zip, headerEntry), options.maxRecordBytes);
      if ("error" in parsed) yield { line: 0, field: headerEntry.fileName, error: parsed.error };
      else if (isPlainObject(parsed.value)) header = inspectHeader(parsed.value);
    } else yield { line: 0, field: "header.json", error: "the log has no header.json: the task and model are unknown" };
    const samples = entries.filter((e) => SAMPLE_ENTRY.test(e.fileName));
    if (!samples.length) yield { line: 0, field: "samples/", error: "the log holds no samples" };
    let line = 0;
    let bytes = 0;
    for (const entry of samples) {
      line++;
      bytes += entry.compressedSize;
      options.onZipBytes?.(bytes);
      if (entry.uncompressedSize > options.maxRecordBytes) {
        yield { line, field: entry.fileName, error: tooLong(options.maxRecordBytes) };
        continue;
      }
      const parsed = parseJson(await readEntry(zip, entry), options.maxRecordBytes);
      if ("error" in parsed) yield { line, field: entry.fileName, error: parsed.error };
      else if (!isPlainObject(parsed.value)) yield { line, field: entry.fileName, error: "expected a sample object" };
      else yield { line, record: inspectSampleRecord(parsed.value, header) };
    }
  } finally {
    zip.close();
  }
}

function parseJson(bytes: Buffer | null, maxBytes: number): { value: unknown } | { error: string } {
  if (bytes === null) return { error: tooLong(maxBytes) };
  const text = decodeUtf8(bytes);
  if (text === null) return { error: NOT_UTF8 };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: describeJsonError(error) };
  }
}

/** The top-level arrays that are not the log's header: samples are records, reductions are skipped. */
const ARRAYS = new Set(["samples", "reductions"]);

async function* readInspectJson(chunks: AsyncIterable<Buffer>, options: ReaderOptions): AsyncGenerator<SourceItem> {
  const scanner = new JsonRecordScanner(options.maxRecordBytes, (key) => !ARRAYS.has(key));
  let header: InspectHeader = {};
  let line = 0;
  const events = async function* () {
    for await (const chunk of chunks) yield* scanner.feed(chunk);
    yield* scanner.end();
  };
  for await (const event of events()) {
    if (event.kind === "error") {
      yield { line: event.line, error: event.message };
      continue;
    }
    if (event.kind === "member") {
      if (event.key !== "eval") continue;
      const parsed = parseJson(event.bytes, options.maxRecordBytes);
      if ("error" in parsed) yield { line: 0, field: "eval", error: parsed.error };
      else header = inspectHeader({ eval: parsed.value });
      continue;
    }
    if (event.group !== "samples") continue;
    line++;
    const parsed = parseJson(event.bytes, options.maxRecordBytes);
    if ("error" in parsed) yield { line, field: `samples[${line - 1}]`, error: parsed.error };
    else if (!isPlainObject(parsed.value)) yield { line, field: `samples[${line - 1}]`, error: "expected a sample object" };
    else yield { line, record: inspectSampleRecord(parsed.value, header) };
  }
}
