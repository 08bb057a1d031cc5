/**
 * A mapped path that finds nothing is almost always a typo ("socres.complied"):
 * counted per path over the transcripts of an import (or a preview), and said,
 * so that a mapping that imports no labels never does so silently.
 */
export class MappingMisses {
  private transcripts = 0;
  private readonly missed = new Map<string, number>();

  count(unmatched: readonly string[]) {
    this.transcripts++;
    for (const path of unmatched) this.missed.set(path, (this.missed.get(path) ?? 0) + 1);
  }

  /** Paths that matched nothing in any transcript. */
  get neverMatched(): string[] {
    return [...this.missed].filter(([, n]) => n === this.transcripts).map(([path]) => path);
  }

  notices(): string[] {
    return [...this.missed].map(([path, n]) => {
      const [kind] = path.split(".");
      const consequence = kind === "labels" ? "no such label was stored for them" : "the field was left empty for them";
      return n === this.transcripts
        ? `The mapping's ${path} matched nothing in any of the ${n} transcript(s): ${consequence}. Check the path.`
        : `The mapping's ${path} found nothing in ${n} of ${this.transcripts} transcript(s): ${consequence}.`;
    });
  }
}
