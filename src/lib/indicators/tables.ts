import { perRegistry } from "../model/per-registry.ts";
import type { Registry } from "../model/registry.ts";
import type { Indicator } from "../schema/index.ts";

/** The Statbank tables an indicator draws on, in any version of its formula, or is taken from ready-made (`tables`). */
export function tablesOf(indicator: Indicator): string[] {
  const numbers = [...(indicator.versions ?? []).flatMap((v) => [v.formula?.numerator.table, v.formula?.denominator?.table]), ...(indicator.tables ?? [])];
  return [...new Set(numbers.filter((n): n is string => n !== undefined))].sort();
}

const usersOfTables = perRegistry("indicators-by-table", (registry) => {
  const index = new Map<string, Indicator[]>();
  for (const i of registry.indicators.values()) for (const t of tablesOf(i)) index.set(t, (index.get(t) ?? []).concat(i));
  return index;
});

/** The indicators that draw on a table, in registry order. */
export function indicatorsUsing(registry: Registry, table: string): readonly Indicator[] {
  return usersOfTables(registry).get(table) ?? [];
}
