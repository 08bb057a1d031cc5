import type pg from "pg";
import type { JudgeLabelKey } from "../labels";
import { PredictionFileError, type PredictionFormat, type Problem } from "./parse";
import { importPredictions as storePredictions } from "./store";

export { PredictionFileError, PREDICTION_FORMATS, type PredictionFormat, type Problem } from "./parse";
export { importPredictionsSchema } from "./store";

export type ImportPredictionsOutcome =
  | { ok: true; runId: number; judgeId: number; imported: number; errors: [] }
  | { ok: false; runId: null; judgeId: null; imported: 0; errors: Problem[]; message: string };

/**
 * The entry point for the page, the API route and the CLI: a prediction file
 * in, an imported judge run out, or every problem by line and field (and
 * nothing stored). Other failures (the database) still throw.
 */
export async function importPredictions(
  client: pg.ClientBase,
  input: {
    judgeName: string;
    labelKey: JudgeLabelKey;
    fileName: string;
    text: string;
    createdById: string | null;
    format?: PredictionFormat;
    threshold?: number;
  },
): Promise<ImportPredictionsOutcome> {
  try {
    const run = await storePredictions(client, {
      judge: input.judgeName,
      labelKey: input.labelKey,
      file: input.fileName,
      text: input.text,
      createdBy: input.createdById,
      format: input.format,
      threshold: input.threshold,
    });
    return { ok: true, runId: run.runId, judgeId: run.judgeId, imported: run.predictions, errors: [] };
  } catch (error) {
    if (!(error instanceof PredictionFileError)) throw error;
    return { ok: false, runId: null, judgeId: null, imported: 0, errors: error.problems, message: error.message };
  }
}
