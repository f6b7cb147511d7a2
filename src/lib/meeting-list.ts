import { perRegistry } from "./per-registry.ts";
import type { Registry } from "./registry.ts";
import type { Meeting } from "./schema/index.ts";

/**
 * Meetings per calendar year, newest first. The list of all meetings shows them on one page while
 * they fit (`ROWS_PER_LIST`); at KOSTRA scale it lists the years, each with a page of its own.
 */
export const meetingsByYear = perRegistry("meetings-by-year", (registry: Registry) => {
  const all = [...registry.meetings.values()].map((m) => m.data).sort((a, b) => b.date.localeCompare(a.date));
  const byYear = new Map<number, Meeting[]>();
  for (const m of all) {
    const year = Number(m.date.slice(0, 4));
    const list = byYear.get(year) ?? [];
    list.push(m);
    byYear.set(year, list);
  }
  return byYear;
});
