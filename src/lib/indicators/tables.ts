import type { Registry } from "../registry.ts";
import type { Indicator } from "../schema/index.ts";

/** The Statbank tables an indicator draws on, in any version of its formula. */
export function tablesOf(indicator: Indicator): string[] {
  const numbers = (indicator.versions ?? []).flatMap((v) => [v.formula?.numerator.table, v.formula?.denominator?.table]);
  return [...new Set(numbers.filter((n): n is string => n !== undefined))].sort();
}

/** The indicators that draw on a table. */
export function indicatorsUsing(registry: Registry, table: string): Indicator[] {
  return [...registry.indicators.values()].filter((i) => tablesOf(i).includes(table));
}
