import type { GapMethod } from "./prepare-variation-chart";
import type { MultiplicityMethod } from "./stats/multiplicity";
import type { TestName } from "./variation-statistics";

/**
 * The name and reference of every method behind a number of the variation
 * chart, keyed as the CSV and the API name them. The page prints them.
 */
export type MethodKey = "wilson" | GapMethod | "design-effect" | TestName | MultiplicityMethod;

export const METHODS: Record<MethodKey, { name: string; reference: string }> = {
  wilson: {
    name: "Wilson score interval",
    reference:
      "Wilson EB (1927), J Am Stat Assoc 22:209–212; Newcombe RG (1998), Two-sided confidence intervals for the single proportion, Stat Med 17:857–872",
  },
  "newcombe-paired": {
    name: "Newcombe's hybrid score interval for paired data (method 10, φ continuity-corrected)",
    reference:
      "Newcombe RG (1998), Improved confidence intervals for the difference between binomial proportions based on paired data, Stat Med 17:2635–2650",
  },
  "newcombe-independent": {
    name: "Newcombe's hybrid score interval for independent samples (method 10)",
    reference: "Newcombe RG (1998), Interval estimation for the difference between independent proportions, Stat Med 17:873–890",
  },
  "design-effect": {
    name: "Design-effect adjustment over queries: the same interval at n / deff, deff from the between-query variance (never below 1)",
    reference: "Kish L (1965), Survey Sampling, Wiley, §8.2",
  },
  "mcnemar-exact": {
    name: "McNemar's exact (conditional binomial) test, two-sided",
    reference: "Fagerland MW, Lydersen S, Laake P (2013), BMC Med Res Methodol 13:91",
  },
  "fisher-exact": {
    name: "Fisher's exact test, two-sided (tables no more likely than the observed)",
    reference: "Agresti A (2002), Categorical Data Analysis, 2nd ed., §3.5",
  },
  holm: {
    name: "Holm's step-down adjustment (family-wise error rate)",
    reference: "Holm S (1979), A simple sequentially rejective multiple test procedure, Scand J Statist 6:65–70",
  },
  bh: {
    name: "Benjamini–Hochberg adjustment (false discovery rate)",
    reference: "Benjamini Y, Hochberg Y (1995), Controlling the false discovery rate, J R Stat Soc B 57:289–300",
  },
};
