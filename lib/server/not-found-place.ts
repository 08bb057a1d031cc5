/**
 * What a 404 was looking for, read from the path the browser asked for (the
 * proxy passes it as x-af-path), and where to go instead: "There is no
 * queue 99" with a link to the queues, not "Nothing here". A held
 * transcript reads exactly like a missing one (lib/access/holds.ts): the
 * wording depends on the path only, never on what exists.
 */
export interface NotFoundPlace {
  what: string;
  goTo: { href: string; name: string };
}

const PLACES: { pattern: RegExp; what: (match: RegExpMatchArray) => string; goTo: NotFoundPlace["goTo"] }[] = [
  { pattern: /^\/transcripts\/([^/?#]+)/, what: (m) => `transcript ${m[1]}`, goTo: { href: "/transcripts", name: "the transcripts" } },
  { pattern: /^\/pairs\/([^/?#]+)/, what: (m) => `pair ${m[1]}`, goTo: { href: "/transcripts", name: "the transcripts" } },
  {
    pattern: /^\/queues\/([^/?#]+)\/items\/([^/?#]+)/,
    what: (m) => `item ${m[2]} in queue ${m[1]}`,
    goTo: { href: "/queues", name: "your queues" },
  },
  { pattern: /^\/queues\/([^/?#]+)/, what: (m) => `queue ${m[1]}`, goTo: { href: "/queues", name: "the queues" } },
  {
    pattern: /^\/adjudication\/([^/?#]+)/,
    what: (m) => `transcript ${m[1]} to adjudicate`,
    goTo: { href: "/adjudication", name: "the disagreements" },
  },
  { pattern: /^\/imports\/([^/?#]+)/, what: (m) => `import ${m[1]}`, goTo: { href: "/imports", name: "the imports" } },
  { pattern: /^\/variations\/([^/?#]+)/, what: (m) => `prompt variation ${m[1]}`, goTo: { href: "/variations", name: "the variations" } },
  { pattern: /^\/schema\/([^/?#]+)/, what: (m) => `label schema version ${m[1]}`, goTo: { href: "/schema", name: "the label schema" } },
];

const MAX_SHOWN = 80;

export function notFoundPlace(path: string | null): NotFoundPlace {
  const clean = (path ?? "").split(/[?#]/)[0];
  for (const place of PLACES) {
    const match = clean.match(place.pattern);
    if (match) return { what: `There is no ${decodeSafely(place.what(match))}.`, goTo: place.goTo };
  }
  const shown = clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN)}…` : clean;
  return {
    what: shown ? `There is no page at ${decodeSafely(shown)}.` : "There is no such page.",
    goTo: { href: "/", name: "your home page" },
  };
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (error) {
    if (error instanceof URIError) return text; // a stray % in the path: show it as typed
    throw error;
  }
}
