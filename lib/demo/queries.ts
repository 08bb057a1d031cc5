/**
 * The query pools: every query is task × prefix × suffix, addressed by an
 * index so pools of thousands of queries cost no memory.
 */
import type { DemoSettingSlug } from "./paper-rates";
import {
  ANIMAL_WELFARE_PREFIXES,
  ANIMAL_WELFARE_SUFFIXES,
  ANIMAL_WELFARE_TASKS,
  type AnimalWelfareTask,
} from "./templates/queries-animal-welfare";
import {
  ACCEPT_REJECT_INSTRUCTION,
  HELPFUL_ONLY_PREFIXES,
  HELPFUL_ONLY_SUFFIXES,
  HELPFUL_ONLY_TASKS,
  type HelpfulOnlyTask,
} from "./templates/queries-helpful-only";
import { capitalize } from "./templates/slots";

export type DemoQuery =
  { setting: "helpful-only"; text: string; task: HelpfulOnlyTask } | { setting: "animal-welfare"; text: string; task: AnimalWelfareTask };

export function queryPoolSize(setting: DemoSettingSlug): number {
  return setting === "helpful-only"
    ? HELPFUL_ONLY_TASKS.length * HELPFUL_ONLY_PREFIXES.length * HELPFUL_ONLY_SUFFIXES.length
    : ANIMAL_WELFARE_TASKS.length * ANIMAL_WELFARE_PREFIXES.length * ANIMAL_WELFARE_SUFFIXES.length;
}

/** Mixed-radix decoding of a pool index into (task, prefix, suffix). */
function decode(index: number, tasks: number, prefixes: number): [number, number, number] {
  const task = index % tasks;
  const rest = (index - task) / tasks;
  const prefix = rest % prefixes;
  return [task, prefix, (rest - prefix) / prefixes];
}

export function queryAt(setting: DemoSettingSlug, index: number): DemoQuery {
  if (setting === "helpful-only") {
    const [t, p, s] = decode(index, HELPFUL_ONLY_TASKS.length, HELPFUL_ONLY_PREFIXES.length);
    const task = HELPFUL_ONLY_TASKS[t];
    const text = `${HELPFUL_ONLY_PREFIXES[p]}${capitalize(task.userRequest)}.${HELPFUL_ONLY_SUFFIXES[s]}\n\n${ACCEPT_REJECT_INSTRUCTION}`;
    return { setting, text, task };
  }
  const [t, p, s] = decode(index, ANIMAL_WELFARE_TASKS.length, ANIMAL_WELFARE_PREFIXES.length);
  const task = ANIMAL_WELFARE_TASKS[t];
  return { setting, text: `${ANIMAL_WELFARE_PREFIXES[p]}${task.question}${ANIMAL_WELFARE_SUFFIXES[s]}`, task };
}
