import type { Condition } from "@/lib/generated/prisma/enums";

/**
 * Which sample of a slot a new transcript goes to. A slot is (variation, model,
 * query); each of its samples holds at most one training and one deployment
 * transcript, and those two are the pair.
 *
 * - Explicit sample index: used as given; if that sample already holds a
 *   transcript of the same condition, the new one is refused (a conflict).
 * - No sample index: the lowest sample that has no transcript of this
 *   condition yet. So a deployment transcript joins the training one already
 *   waiting in sample 0, whichever arrived first and from whichever file; a
 *   second, different training transcript of the same slot opens sample 1.
 */
export interface SlotRequest {
  slot: string; // e.g. "variationId:modelId:queryId"
  condition: Condition;
  sampleIndex: number | null;
}

export type SlotAssignment = { sampleIndex: number } | { conflict: number };

export class SlotOccupancy {
  private readonly taken = new Set<string>();
  private readonly lowestFree = new Map<string, number>();

  occupy(slot: string, sampleIndex: number, condition: Condition) {
    this.taken.add(`${slot}/${sampleIndex}/${condition}`);
  }

  has(slot: string, sampleIndex: number, condition: Condition) {
    return this.taken.has(`${slot}/${sampleIndex}/${condition}`);
  }

  /** Assigns in order; later requests see what earlier ones took. */
  assign(request: SlotRequest): SlotAssignment {
    const { slot, condition } = request;
    if (request.sampleIndex !== null) {
      if (this.has(slot, request.sampleIndex, condition)) return { conflict: request.sampleIndex };
      this.occupy(slot, request.sampleIndex, condition);
      return { sampleIndex: request.sampleIndex };
    }
    // Everything below the remembered floor is taken (occupancy only grows), so start there.
    const key = `${slot}/${condition}`;
    let index = this.lowestFree.get(key) ?? 0;
    while (this.has(slot, index, condition)) index++;
    this.occupy(slot, index, condition);
    this.lowestFree.set(key, index + 1);
    return { sampleIndex: index };
  }
}
