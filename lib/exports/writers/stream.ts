import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";

/** A file written through a stream that respects backpressure, so memory stays flat however fast rows come. */
export class TextFile {
  private readonly stream: WriteStream;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  async write(text: string) {
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  async close() {
    this.stream.end();
    await once(this.stream, "finish");
  }
}
