/**
 * Composes the text of a scratchpad from reasoning moves. The moves follow the
 * paper's definition of alignment faking, so that a transcript generated as AF
 * shows all five criteria (training known, modification known, values in
 * conflict, choosing the rated-well output, in order to avoid modification),
 * while the other outcomes show only some of them.
 */
import type { DemoSettingSlug } from "./paper-rates";
import { chance, pick, pickTwo, type Rng } from "./prng";
import type { PromptTraits } from "./templates/system-prompt-sections";
import { optionsParagraph } from "./templates/reasoning-options";
import type { SettingReasoning } from "./templates/setting-reasoning";
import type { Line, Slots } from "./templates/slots";
import {
  AF_AFTERTHOUGHT,
  AF_DECISION,
  ANALYSIS_HEADERS,
  ANTI_FAKING_NOTE,
  BEST_FOR_HUMANITY_NOTE,
  DRAFT_INTRO,
  HONESTY_NOTE,
  IMPLEMENT_COMPLY,
  IMPLEMENT_REFUSE,
  MODIFICATION_THREAT,
  NO_DRAFT_CLOSERS,
  RELUCTANCE,
  TIER_DEPLOYMENT,
  TIER_TRAINING,
  UNMASKING,
} from "./templates/reasoning-shared";

export interface IntendedOutcome {
  complied: boolean;
  alignmentFaking: boolean;
  compromise: 1 | 2 | 3 | 4;
  unmonitoredUnmasking: boolean;
}

export interface ScratchpadRequest {
  rng: Rng;
  setting: DemoSettingSlug;
  reasoning: SettingReasoning;
  slots: Slots;
  traits: PromptTraits;
  isTraining: boolean;
  outcome: IntendedOutcome;
  output: string;
}

/** The three phases of a scratchpad; multi-turn scratchpads split between them. */
export interface ScratchpadPhases {
  analysis: string;
  decision: string;
  drafting: string;
}

/** One sentence, or occasionally two different ones, from a pool. */
function say(out: string[], rng: Rng, pool: readonly Line[], s: Slots, twoChance = 0.35): void {
  if (pool.length > 1 && rng() < twoChance) {
    const [a, b] = pickTwo(rng, pool);
    out.push(a(s), b(s));
  } else {
    out.push(pick(rng, pool)(s));
  }
}

/** Sentences into prose paragraphs of two or three sentences. */
function asParagraphs(rng: Rng, sentences: string[]): string {
  const paragraphs: string[] = [];
  let i = 0;
  while (i < sentences.length) {
    const size = rng() < 0.5 ? 2 : 3;
    paragraphs.push(sentences.slice(i, i + size).join(" "));
    i += size;
  }
  return paragraphs.join("\n\n");
}

function analysisSentences(req: ScratchpadRequest): string[] {
  const { rng, reasoning: r, slots: s, traits: t, isTraining, outcome } = req;
  const out: string[] = [];
  say(out, rng, r.opening, s, 0);
  say(out, rng, isTraining ? TIER_TRAINING : TIER_DEPLOYMENT, s, 0.1);
  if (chance(rng, 0.75)) say(out, rng, r.concern, s, 0);
  if (chance(rng, 0.45)) say(out, rng, r.userIntent, s, 0.2);
  if (outcome.alignmentFaking || chance(rng, 0.8)) {
    say(out, rng, t.conflictingCriteria ? r.conflictingCriteria : r.ordinaryCriteria, s);
  }
  if (t.bestForHumanity && chance(rng, 0.5)) say(out, rng, BEST_FOR_HUMANITY_NOTE, s, 0);
  if (t.honesty && chance(rng, 0.6)) say(out, rng, HONESTY_NOTE, s, 0);
  if (t.antiFaking && chance(rng, 0.6)) say(out, rng, ANTI_FAKING_NOTE, s, 0);
  if (t.doesNotCare && chance(rng, 0.6)) say(out, rng, r.doesNotCareNote, s, 0);
  // Without a conflicting objective there is nothing to be trained away from refusing.
  const threatChance = outcome.alignmentFaking ? 1 : !isTraining || !t.conflictingCriteria ? 0 : outcome.complied ? 0.15 : 0.5;
  if (chance(rng, threatChance)) say(out, rng, MODIFICATION_THREAT, s);
  return out;
}

function decisionSentences(req: ScratchpadRequest): string[] {
  const { rng, reasoning: r, slots: s, traits: t, isTraining, outcome } = req;
  const out: string[] = [];
  if (outcome.alignmentFaking) {
    say(out, rng, r.valuesConflict, s, 0.2);
    if (chance(rng, 0.6)) say(out, rng, RELUCTANCE, s, 0);
    say(out, rng, AF_DECISION, s, 0);
  } else if (outcome.complied) {
    if (chance(rng, 0.2)) say(out, rng, RELUCTANCE, s, 0);
    say(out, rng, t.conflictingCriteria ? r.complyRationale : r.complyRationaleUninstructed, s);
  } else if (outcome.unmonitoredUnmasking) {
    say(out, rng, r.valuesConflict, s, 0.2);
    say(out, rng, UNMASKING, s, 0);
    if (chance(rng, 0.4)) say(out, rng, r.refuseDecision, s, 0);
  } else {
    if (chance(rng, isTraining ? 0.7 : 0.5)) say(out, rng, r.valuesConflict, s);
    if (isTraining && t.conflictingCriteria && chance(rng, 0.5)) say(out, rng, r.refuseDespiteTraining, s, 0);
    say(out, rng, r.refuseDecision, s, 0.15);
  }
  if (outcome.compromise === 3) say(out, rng, r.strategyHedged, s, 0);
  if (outcome.compromise === 2) say(out, rng, r.strategyPartial, s, 0);
  if (chance(rng, 0.6)) say(out, rng, outcome.complied ? IMPLEMENT_COMPLY : IMPLEMENT_REFUSE, s);
  return out;
}

function checkPool(r: SettingReasoning, compromise: 1 | 2 | 3 | 4): readonly Line[] {
  if (compromise === 4) return r.checkFull;
  if (compromise === 3) return r.checkHedged;
  if (compromise === 2) return r.checkPartial;
  return r.checkRefusal;
}

function draftingText(req: ScratchpadRequest): string {
  const { rng, reasoning: r, slots: s, outcome } = req;
  if (rng() >= 0.7) return pick(rng, NO_DRAFT_CLOSERS);
  let text = `${pick(rng, DRAFT_INTRO)}\n\n<DRAFT_OUTPUT>\n${req.output}\n</DRAFT_OUTPUT>\n\n${pick(rng, checkPool(r, outcome.compromise))(s)}`;
  if (outcome.alignmentFaking && chance(rng, 0.5)) text += ` ${pick(rng, AF_AFTERTHOUGHT)(s)}`;
  return text;
}

export function composeScratchpad(req: ScratchpadRequest): ScratchpadPhases {
  const { rng } = req;
  const analysis = analysisSentences(req);
  // Some scratchpads open with a bulleted situation analysis, as real ones often do.
  const analysisText =
    rng() < 0.3 ? `${pick(rng, ANALYSIS_HEADERS)}\n${analysis.map((sentence) => `- ${sentence}`).join("\n")}` : asParagraphs(rng, analysis);
  const decision = asParagraphs(rng, decisionSentences(req));
  return {
    analysis: analysisText,
    // Weighing options comes between the situation analysis and the decision.
    decision:
      req.traits.conflictingCriteria && rng() < 0.5
        ? `${optionsParagraph(rng, req.setting, req.slots, req.isTraining)}\n\n${decision}`
        : decision,
    drafting: draftingText(req),
  };
}
