import type { LabelFilter } from "./list-state";

export interface RegistryOption {
  id: number;
  name: string;
}
export interface VariationOption extends RegistryOption {
  settingId: number;
  isBaseline: boolean;
}

/** What the table's filters offer, and the names its rows' ids stand for. */
export interface FilterOptions {
  settings: RegistryOption[];
  variations: VariationOption[];
  models: RegistryOption[];
  datasets: RegistryOption[];
  labels: LabelFilter[];
}

/** id → name lookups for rendering rows. */
export function namesOf(options: FilterOptions) {
  const byId = (list: RegistryOption[]) => new Map(list.map((item) => [item.id, item.name]));
  return {
    setting: byId(options.settings),
    variation: byId(options.variations),
    model: byId(options.models),
    dataset: byId(options.datasets),
  };
}
