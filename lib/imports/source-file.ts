import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { DETECTION_BYTES } from "./formats";

/**
 * The file being imported, read once as a stream of chunks while counting
 * bytes (for progress) and hashing them (the file's identity in the history).
 */
export class SourceFile {
  bytesRead = 0;
  private readonly hash = createHash("sha256");
  private complete = false;

  constructor(readonly path: string) {}

  head(): Promise<Buffer> {
    return readHead(this.path);
  }

  async *chunks(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(this.path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
      this.hash.update(chunk);
      this.bytesRead += chunk.length;
      yield chunk;
    }
    this.complete = true;
  }

  /** sha256 of the whole file; reads the rest if a reader stopped early. */
  async sha256(): Promise<string> {
    if (this.complete) return this.hash.digest("hex");
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(this.path) as AsyncIterable<Buffer>) hash.update(chunk);
    return hash.digest("hex");
  }
}

/** The first bytes of a file, for format detection. */
export async function readHead(filePath: string): Promise<Buffer> {
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(DETECTION_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, DETECTION_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
