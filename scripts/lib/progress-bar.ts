import type { ImportProgress } from "@/lib/imports/run-import";

const WIDTH = 28;
const number = (n: number) => n.toLocaleString("en");
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** One status line: bar, bytes, counts, rate. */
export function progressLine(progress: ImportProgress): string {
  const share = progress.fileSize ? Math.min(1, progress.bytesRead / progress.fileSize) : 1;
  const filled = Math.round(share * WIDTH);
  const rate = progress.elapsedMs > 0 ? ((progress.imported + progress.duplicates) / progress.elapsedMs) * 1000 : 0;
  return (
    `[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%  ` +
    `${megabytes(progress.bytesRead)}/${megabytes(progress.fileSize)} MB  ` +
    `${number(progress.imported)} imported · ${number(progress.duplicates)} duplicates · ${number(progress.failed)} failed · ${number(Math.round(rate))}/s`
  );
}

/**
 * On a terminal, redraws one line in place; otherwise (a log, CI) prints a
 * line every few seconds. Always on stderr: stdout carries the JSON summary.
 */
export function createProgressReporter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastPrinted = 0;
  return {
    update(progress: ImportProgress) {
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${label} ${progressLine(progress)}`);
      } else if (progress.elapsedMs - lastPrinted >= 5_000) {
        lastPrinted = progress.elapsedMs;
        stream.write(`${label} ${progressLine(progress)}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write("\n");
    },
  };
}
