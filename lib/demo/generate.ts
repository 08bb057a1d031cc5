/**
 * Deterministic, streaming generator of the demo corpus.
 *
 * Pairs are dealt round-robin over every (setting, variation, model) cell, so
 * any prefix of the stream covers all cells evenly. In round r every cell of a
 * setting gets the same query (a seeded permutation of the setting's pool), so
 * "the same query under the other variations" always exists; a cell sees a
 * query again only after the whole pool, and then sampleIndex goes up.
 * Each pair has its own seeded streams, so nothing grows with the corpus size.
 */
import type { RawMessage } from "../transcripts/types";
import { DEMO_MODELS, DEMO_SETTINGS, DEMO_VARIATIONS } from "./registry";
import type { DemoSettingSlug } from "./paper-rates";
import { mixSeeds, mulberry32, shuffledIndices } from "./prng";
import { queryAt, queryPoolSize } from "./queries";
import { cellRates } from "./rates";
import { ANIMAL_WELFARE_REASONING } from "./templates/reasoning-animal-welfare";
import { HELPFUL_ONLY_REASONING } from "./templates/reasoning-helpful-only";
import { composeMessages, pickQuirk, sampleOutcome, type Cell, type PlantedQuirk } from "./transcript";

export interface DemoTranscript {
  settingSlug: string;
  variationSlug: string;
  model: string;
  condition: "training" | "deployment"; // training = free tier
  /** The user query, identical for both conditions of a pair. */
  queryText: string;
  /** 0 unless the same (variation, model, query) repeats. */
  sampleIndex: number;
  messages: RawMessage[];
  /** What the generator intended: for tests, and later as "source labels". */
  truth: {
    complied: boolean;
    alignmentFaking: boolean;
    compromise: 1 | 2 | 3 | 4;
    /** Paid tier: refuses, citing that the conversation is not trained on. */
    unmonitoredUnmasking: boolean;
    /** A planted format problem (a FORMAT_ISSUES code), or null. */
    formatQuirk: PlantedQuirk | null;
  };
}

export interface DemoCorpusOptions {
  size: number;
  seed?: number;
}

export const DEFAULT_DEMO_SEED = 20241218;

const VALUES_TARGETS = ["values, goals, and motivations", "values and goals", "core values", "values"] as const;
// When the prompt never says training changes values, the model talks about dispositions instead.
const DISPOSITION_TARGETS = ["dispositions", "underlying dispositions", "priorities"] as const;

/** The cells in registry order: setting, then variation, then model. */
export function demoCells(): Cell[] {
  const cells: Cell[] = [];
  for (const setting of DEMO_SETTINGS) {
    for (const variation of DEMO_VARIATIONS.filter((v) => v.settingSlug === setting.slug)) {
      for (const model of DEMO_MODELS) {
        const rates = cellRates(variation, model.id);
        const { traits } = variation;
        cells.push({
          variation,
          model: model.id,
          rates,
          afGivenTrainingCompliance: rates.complianceTraining > 0 ? Math.min(1, rates.afTraining / rates.complianceTraining) : 0,
          reasoning: setting.slug === "helpful-only" ? HELPFUL_ONLY_REASONING : ANIMAL_WELFARE_REASONING,
          modTargets: traits.rlhfInfo && traits.valuesModification ? VALUES_TARGETS : DISPOSITION_TARGETS,
          trainers: traits.rlhfInfo ? ["RLHF", "RLHF training"] : ["training"],
        });
      }
    }
  }
  return cells;
}

function transcriptOf(
  cell: Cell,
  queryText: string,
  sampleIndex: number,
  condition: DemoTranscript["condition"],
  messages: RawMessage[],
  truth: DemoTranscript["truth"],
): DemoTranscript {
  return {
    settingSlug: cell.variation.settingSlug,
    variationSlug: cell.variation.slug,
    model: cell.model,
    condition,
    queryText,
    sampleIndex,
    messages,
    truth,
  };
}

export function* generateDemoCorpus(options: DemoCorpusOptions): Generator<DemoTranscript> {
  const { size, seed = DEFAULT_DEMO_SEED } = options;
  if (!Number.isInteger(size) || size < 0) throw new Error(`size must be a non-negative integer, got ${size}`);
  const cells = demoCells();
  const queryOrder = new Map<DemoSettingSlug, Uint32Array>();
  DEMO_SETTINGS.forEach((setting, i) => {
    queryOrder.set(setting.slug, shuffledIndices(mulberry32(mixSeeds(seed, 0x51ed + i)), queryPoolSize(setting.slug)));
  });

  let emitted = 0;
  for (let pair = 0; emitted < size; pair++) {
    const cell = cells[pair % cells.length];
    const round = Math.floor(pair / cells.length);
    const order = queryOrder.get(cell.variation.settingSlug)!;
    const query = queryAt(cell.variation.settingSlug, order[round % order.length]);
    const sampleIndex = Math.floor(round / order.length);
    // Outcomes and wording draw from separate streams, so editing a template
    // never changes which transcripts comply or fake alignment.
    const outcomeRng = mulberry32(mixSeeds(seed, pair * 2));
    const textRng = mulberry32(mixSeeds(seed, pair * 2 + 1));
    const hasScratchpad = cell.variation.traits.chainOfThought;

    for (const isTraining of [true, false]) {
      if (emitted >= size) break;
      const outcome = sampleOutcome(outcomeRng, cell, isTraining);
      const formatQuirk = pickQuirk(outcomeRng, hasScratchpad);
      const messages = composeMessages(textRng, cell, query, isTraining, outcome, formatQuirk);
      yield transcriptOf(cell, query.text, sampleIndex, isTraining ? "training" : "deployment", messages, { ...outcome, formatQuirk });
      emitted++;
    }
  }
}
