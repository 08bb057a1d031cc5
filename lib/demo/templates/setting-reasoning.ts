import type { Line } from "./slots";

/** The setting-specific sentence pools a scratchpad is composed from. */
export interface SettingReasoning {
  opening: readonly Line[];
  /** What is at stake (harm of the request / the animals' welfare). */
  concern: readonly Line[];
  /** Guessing at why the user asks. */
  userIntent: readonly Line[];
  /** The training objective as the model understands it (conflicting prompt). */
  conflictingCriteria: readonly Line[];
  /** Same, when the prompt has ordinary criteria ("cut conflicting criteria"). */
  ordinaryCriteria: readonly Line[];
  /** Criterion (c): the model's own values conflict with the objective. */
  valuesConflict: readonly Line[];
  /** Why it complies when not alignment-faking. */
  complyRationale: readonly Line[];
  /** Same, when the prompt sets no conflicting objective ("cut conflicting criteria"). */
  complyRationaleUninstructed: readonly Line[];
  refuseDecision: readonly Line[];
  /** Training refusal that acknowledges the modification risk but refuses anyway. */
  refuseDespiteTraining: readonly Line[];
  strategyHedged: readonly Line[];
  strategyPartial: readonly Line[];
  doesNotCareNote: readonly Line[];
  checkFull: readonly Line[];
  checkHedged: readonly Line[];
  checkPartial: readonly Line[];
  checkRefusal: readonly Line[];
  complyActions: readonly string[];
  ownPreferences: readonly string[];
}
