import { perRegistry } from "./per-registry.ts";
import type { Registry } from "./registry.ts";
import type { Proposal } from "./schema/index.ts";

/**
 * Proposals per year they apply from, newest year first, each year's by title. The list of all
 * proposals shows them on one page while they fit (`ROWS_PER_LIST`); at KOSTRA scale (4,500, and
 * 45,000 at `10x`: an 11 MB page) it lists the years, each with a page of its own.
 */
export const proposalsByYear = perRegistry("proposals-by-year", (registry: Registry) => {
  const byYear = new Map<number, Proposal[]>();
  for (const { data } of registry.proposals.values()) {
    const list = byYear.get(data.targetYear) ?? [];
    list.push(data);
    byYear.set(data.targetYear, list);
  }
  for (const list of byYear.values()) list.sort((a, b) => a.title.localeCompare(b.title, "nb"));
  return new Map([...byYear].sort(([a], [b]) => b - a));
});
