/** Display helpers for the import pages. */
const number = new Intl.NumberFormat("en");

export const formatCount = (n: number) => number.format(n);

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

export function formatRate(count: number, ms: number): string {
  return ms > 0 ? `${number.format(Math.round((count / ms) * 1000))}/s` : "—";
}

/** "2026-11-22 01:10 UTC": the same for everyone reading the history, whatever their time zone. */
export function formatWhen(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}
