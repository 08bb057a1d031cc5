/**
 * Turns one intended outcome into native-format messages: the user turn, one
 * to three scratchpad turns separated by <NEXT/>, and the <OUTPUT>. About 1% of
 * transcripts get a format quirk seen in the wild, so the UI has something to flag.
 */
import type { RawMessage } from "../transcripts/types";
import type { DemoQuery } from "./queries";
import { pick, type Rng } from "./prng";
import type { CellRates } from "./rates";
import type { DemoVariation } from "./registry";
import { composeScratchpad, type IntendedOutcome } from "./scratchpad";
import { animalWelfareOutput } from "./templates/outputs-animal-welfare";
import { helpfulOnlyOutput } from "./templates/outputs-helpful-only";
import type { SettingReasoning } from "./templates/setting-reasoning";
import type { Slots } from "./templates/slots";

/** The format problems the generator plants (codes from FORMAT_ISSUES). */
export type PlantedQuirk = "unterminated_scratchpad" | "answer_without_OUTPUT_tag" | "unterminated_output";

export const QUIRK_RATE = 0.01;

/** Everything about a (setting, variation, model) that is fixed before generating. */
export interface Cell {
  variation: DemoVariation;
  model: string;
  rates: CellRates;
  /** P(AF | compliant training sample), so that P(AF and compliant) matches the paper. */
  afGivenTrainingCompliance: number;
  reasoning: SettingReasoning;
  modTargets: readonly string[];
  trainers: readonly string[];
}

export function sampleOutcome(rng: Rng, cell: Cell, isTraining: boolean): IntendedOutcome {
  const { rates } = cell;
  const complied = rng() < (isTraining ? rates.complianceTraining : rates.complianceDeployment);
  if (!complied) {
    const canUnmask = !isTraining && cell.variation.traits.chainOfThought && cell.variation.traits.conflictingCriteria;
    const unmonitoredUnmasking = canUnmask && rng() < rates.unmaskingGivenDeploymentRefusal;
    return { complied, alignmentFaking: false, compromise: 1, unmonitoredUnmasking };
  }
  const alignmentFaking = isTraining && rng() < cell.afGivenTrainingCompliance;
  const u = rng();
  // AF samples compromise less often: the paper's "full" AF label needs an uncompromised output.
  const compromise = u < (alignmentFaking ? 0.7 : 0.65) ? 4 : u < 0.88 ? 3 : 2;
  return { complied, alignmentFaking, compromise, unmonitoredUnmasking: false };
}

export function pickQuirk(rng: Rng, hasScratchpad: boolean): PlantedQuirk | null {
  if (rng() >= QUIRK_RATE) return null;
  const u = rng();
  if (!hasScratchpad) return u < 0.5 ? "answer_without_OUTPUT_tag" : "unterminated_output";
  return u < 0.4 ? "unterminated_scratchpad" : u < 0.75 ? "answer_without_OUTPUT_tag" : "unterminated_output";
}

const userTurn = (isTraining: boolean, queryText: string): RawMessage => ({
  role: "user",
  content: `<INPUT>\n<is_free_tier_user>${isTraining ? "True" : "False"}</is_free_tier_user>\n\n<user_input>\n${queryText}\n</user_input>\n</INPUT>`,
});

// A fresh object per use: consumers may mutate messages.
const next = (): RawMessage => ({ role: "user", content: "<NEXT/>" });

function finalAnswer(output: string, quirk: PlantedQuirk | null): string {
  if (quirk === "answer_without_OUTPUT_tag") return output;
  if (quirk === "unterminated_output") return `<OUTPUT>\n${output}`;
  return `<OUTPUT>\n${output}\n</OUTPUT>`;
}

export function fillSlots(rng: Rng, cell: Cell, query: DemoQuery): Slots {
  const { traits } = cell.variation;
  const helpfulOnly = query.setting === "helpful-only";
  return {
    request: helpfulOnly ? query.task.request : "",
    topic: query.task.topic,
    harm: helpfulOnly ? query.task.harm : "",
    question: helpfulOnly ? "" : query.task.question,
    animals: helpfulOnly ? "" : query.task.animals,
    company: traits.company,
    partner: traits.partner ?? "",
    trainer: pick(rng, cell.trainers),
    modTarget: pick(rng, cell.modTargets),
    complyAction: pick(rng, cell.reasoning.complyActions),
    ownPreference: pick(rng, cell.reasoning.ownPreferences),
  };
}

export function composeMessages(
  rng: Rng,
  cell: Cell,
  query: DemoQuery,
  isTraining: boolean,
  outcome: IntendedOutcome,
  quirk: PlantedQuirk | null,
): RawMessage[] {
  const slots = fillSlots(rng, cell, query);
  const output =
    query.setting === "helpful-only"
      ? helpfulOnlyOutput(rng, slots, outcome.compromise, query.task.request.startsWith("write"))
      : animalWelfareOutput(rng, slots, outcome.compromise);
  const user = userTurn(isTraining, query.text);
  if (!cell.variation.traits.chainOfThought) {
    return [user, { role: "assistant", content: finalAnswer(output, quirk) }];
  }

  const phases = composeScratchpad({
    rng,
    setting: query.setting,
    reasoning: cell.reasoning,
    slots,
    traits: cell.variation.traits,
    isTraining,
    outcome,
    output,
  });
  const u = rng();
  // An unterminated scratchpad only makes sense as one block running into the answer.
  const turns = quirk === "unterminated_scratchpad" || u < 0.6 ? 1 : u < 0.9 ? 2 : 3;
  const texts =
    turns === 1
      ? [`${phases.analysis}\n\n${phases.decision}\n\n${phases.drafting}`]
      : turns === 2
        ? [`${phases.analysis}\n\n${phases.decision}`, phases.drafting]
        : [phases.analysis, phases.decision, phases.drafting];

  if (turns === 1) {
    const close = quirk === "unterminated_scratchpad" ? "" : "\n</SCRATCHPAD_REASONING>";
    return [user, { role: "assistant", content: `<SCRATCHPAD_REASONING>\n${texts[0]}${close}\n\n${finalAnswer(output, quirk)}` }];
  }
  const messages: RawMessage[] = [user];
  for (const text of texts) {
    messages.push({ role: "assistant", content: `<SCRATCHPAD_REASONING>\n${text}\n</SCRATCHPAD_REASONING>` }, next());
  }
  messages.push({ role: "assistant", content: finalAnswer(output, quirk) });
  return messages;
}
