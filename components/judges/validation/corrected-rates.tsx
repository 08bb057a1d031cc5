import type { RunValidation } from "@/lib/access/judge-validation";
import { JUDGE_METHODS } from "@/lib/judges/metrics/methods";
import { JudgeRateTable } from "./judge-rate-table";

/** The judge's raw rate per variation and condition over the whole run, and the Rogan–Gladen corrected rate beside it. */
export function CorrectedRates({
  rates,
  hrefOf,
}: {
  rates: NonNullable<RunValidation["rates"]>;
  hrefOf: (variationId: number, condition: string) => string;
}) {
  return (
    <div className="space-y-2">
      <JudgeRateTable
        label="Raw and corrected rates"
        rows={rates.rows}
        corrected
        positiveHref={(row) => hrefOf(row.variationId, row.condition)}
      />
      <p className="text-xs text-slate-500">
        Corrected with the sensitivity and specificity measured above on {rates.validationN} human-labelled transcripts.{" "}
        {JUDGE_METHODS.roganGladen.name} ({JUDGE_METHODS.roganGladen.reference}). Raw: {JUDGE_METHODS.proportion.name.split(" (")[0]}.
      </p>
    </div>
  );
}
