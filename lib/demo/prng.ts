/**
 * Small seeded randomness helpers for the demo generator.
 * Math.random is never used: the same seed must reproduce the same corpus.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast, good enough statistical quality for demo data. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes two integers into one well-spread 32-bit seed, so that each pair of
 * transcripts gets its own independent stream (and can be regenerated alone).
 */
export function mixSeeds(a: number, b: number): number {
  let h = Math.imul((a >>> 0) ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ (b >>> 0), 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ Math.imul(b >>> 0, 0x27d4eb2f), 0x165667b1);
  return (h ^ (h >>> 15)) >>> 0;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[(rng() * items.length) | 0];
}

/** Two different items (when the list has at least two). */
export function pickTwo<T>(rng: Rng, items: readonly T[]): [T, T] {
  const first = (rng() * items.length) | 0;
  let second = (rng() * (items.length - 1)) | 0;
  if (second >= first) second += 1;
  return [items[first], items[second % items.length]];
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

/** Fisher–Yates shuffle of 0..n-1, used to spread queries over rounds. */
export function shuffledIndices(rng: Rng, n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = (rng() * (i + 1)) | 0;
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

/**
 * k consecutive items from a random start: distinct when k <= length, and cheap.
 * With wrap = false the run keeps the list's order (for steps that have one).
 */
export function pickConsecutive<T>(rng: Rng, items: readonly T[], k: number, wrap = true): T[] {
  const start = (rng() * (wrap ? items.length : items.length - k + 1)) | 0;
  const out: T[] = [];
  for (let i = 0; i < k; i++) out.push(items[(start + i) % items.length]);
  return out;
}
