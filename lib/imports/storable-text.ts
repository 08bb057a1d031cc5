/**
 * Text PostgreSQL can store. An error message may quote the bad input it is
 * about (V8's JSON errors do), and a snippet cut at a fixed length may split
 * a surrogate pair: either would make PostgreSQL refuse the whole batch of
 * error rows, and the errors would be lost. NUL is written as the visible
 * escape "\u0000"; a lone surrogate becomes U+FFFD.
 */
export function storableText(text: string): string {
  const withoutNul = text.includes("\u0000") ? text.replaceAll("\u0000", "\\u0000") : text;
  return (withoutNul as unknown as { toWellFormed(): string }).toWellFormed();
}
