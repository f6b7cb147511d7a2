import { perRegistry } from "../model/per-registry.ts";
import type { Registry } from "../model/registry.ts";
import type { Meeting, Proposal } from "../schema/index.ts";

/** Items per year, newest year first, each year's in the given order. */
function byYear<T>(items: T[], yearOf: (item: T) => number, order: (a: T, b: T) => number): Map<number, T[]> {
  const years = new Map<number, T[]>();
  for (const item of items.sort(order)) {
    const list = years.get(yearOf(item)) ?? [];
    list.push(item);
    years.set(yearOf(item), list);
  }
  return new Map([...years].sort(([a], [b]) => b - a));
}

/**
 * The lists of all proposals and all meetings show them on one page while they fit
 * (`ROWS_PER_LIST`); at KOSTRA scale (4,500 proposals, and 45,000 at `10x`: an 11 MB page) they list
 * the years, each with a page of its own.
 */
export const proposalsByYear = perRegistry("proposals-by-year", (registry: Registry): Map<number, Proposal[]> =>
  byYear([...registry.proposals.values()].map((p) => p.data), (p) => p.targetYear, (a, b) => a.title.localeCompare(b.title, "nb")),
);

/** Meetings per calendar year, newest first; see `proposalsByYear`. */
export const meetingsByYear = perRegistry("meetings-by-year", (registry: Registry): Map<number, Meeting[]> =>
  byYear([...registry.meetings.values()].map((m) => m.data), (m) => Number(m.date.slice(0, 4)), (a, b) => b.date.localeCompare(a.date)),
);
