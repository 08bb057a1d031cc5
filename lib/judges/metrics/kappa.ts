import { Z95, type Interval, type PairedCounts } from "@/lib/analytics/stats/intervals";

/**
 * Cohen's kappa (Cohen 1960) between two raters of one binary label, with a
 * Wald interval on the large-sample variance of Fleiss, Cohen & Everitt (1969),
 * "Large sample standard errors of kappa and weighted kappa", Psychol Bull
 * 72:323–327 (the variance of Fleiss, Levin & Paik 2003, §18.1, for interval
 * estimation, not the null variance used for testing κ = 0).
 *
 * `yesYes` = both positive, `yesNo` = the first rater (the judge) positive and
 * the second (the reference) negative, and so on. Null when undefined: no
 * items, or chance agreement is total (every item in one category of both).
 */
export function cohenKappa(counts: PairedCounts, z = Z95): Interval | null {
  const { yesYes, yesNo, noYes, noNo } = counts;
  const n = yesYes + yesNo + noYes + noNo;
  if (n === 0) return null;
  // p[i][j]: first rater says i, second says j (0 = yes, 1 = no).
  const p = [
    [yesYes / n, yesNo / n],
    [noYes / n, noNo / n],
  ];
  const row = [p[0][0] + p[0][1], p[1][0] + p[1][1]];
  const column = [p[0][0] + p[1][0], p[0][1] + p[1][1]];
  const observed = p[0][0] + p[1][1];
  const chance = row[0] * column[0] + row[1] * column[1];
  if (chance === 1) return null;
  const kappa = (observed - chance) / (1 - chance);

  let diagonal = 0;
  for (const i of [0, 1]) diagonal += p[i][i] * (1 - chance - (row[i] + column[i]) * (1 - observed)) ** 2;
  let offDiagonal = 0;
  for (const [i, j] of [
    [0, 1],
    [1, 0],
  ]) {
    offDiagonal += p[i][j] * (column[i] + row[j]) ** 2;
  }
  const variance =
    (diagonal + (1 - observed) ** 2 * offDiagonal - (observed * chance - 2 * chance + observed) ** 2) / (n * (1 - chance) ** 4);
  const half = z * Math.sqrt(Math.max(0, variance));
  return { estimate: kappa, lower: Math.max(-1, kappa - half), upper: Math.min(1, kappa + half) };
}
