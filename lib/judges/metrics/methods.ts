/**
 * The name and reference of every method behind a figure of the validation
 * page and the corrected rates, keyed as the page, the CSV and the API name
 * them. The page prints them under its figures.
 */
export const JUDGE_METHODS = {
  proportion: {
    name: "Wilson score interval (precision, recall, specificity, NPV, accuracy, calibration bins)",
    reference: "Wilson EB (1927), J Am Stat Assoc 22:209–212; Newcombe RG (1998), Stat Med 17:857–872",
  },
  f1: {
    name: "F1 = 2J/(1+J): the Wilson interval of the Jaccard index J = TP/(TP+FP+FN), mapped to F1",
    reference: "Wilson EB (1927); van Rijsbergen CJ (1979), Information Retrieval, ch. 7 (F and its relation to J)",
  },
  kappa: {
    name: "Cohen's kappa, Wald interval on the Fleiss–Cohen–Everitt large-sample variance",
    reference: "Cohen J (1960), Educ Psychol Meas 20:37–46; Fleiss JL, Cohen J, Everitt BS (1969), Psychol Bull 72:323–327",
  },
  auroc: {
    name: "AUROC (Mann–Whitney, ties half) with DeLong's variance by Sun & Xu's fast algorithm, Wald interval",
    reference:
      "DeLong ER, DeLong DM, Clarke-Pearson DL (1988), Biometrics 44:837–845; Sun X, Xu W (2014), IEEE Signal Process Lett 21:1389–1393",
  },
  averagePrecision: {
    name: "Average precision: step-wise area under the precision–recall curve (no interpolation)",
    reference: "Davis J, Goadrich M (2006), The relationship between precision-recall and ROC curves, ICML",
  },
  roganGladen: {
    name: "Rogan–Gladen corrected rate; delta-method interval with Se and Sp estimated on the human validation sample, truncated to [0, 1]",
    reference: "Rogan WJ, Gladen B (1978), Am J Epidemiol 107:71–76; Greiner M, Gardner IA (2000), Prev Vet Med 45:3–22",
  },
} as const;

export type JudgeMethodKey = keyof typeof JUDGE_METHODS;
