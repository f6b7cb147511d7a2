import type { Registry } from "../model/registry.ts";
import type { CalendarEvent } from "../schema/index.ts";

export interface CycleEvent extends Omit<CalendarEvent, "source"> {
  source?: CalendarEvent["source"];
  /** The meeting's id, for meetings taken from content/meetings/. */
  meeting?: string;
}

/**
 * The dated cycle of reporting year Y: proposals and meetings in Y, forms, reporting in January–February
 * of Y+1 and publication in March and June of Y+1. The content's calendar files give the dates, and
 * every meeting held in Y is added.
 */
export function cycleOf(registry: Registry, year: number): CycleEvent[] {
  const events: CycleEvent[] = [...(registry.calendars.get(year)?.events ?? [])];
  for (const { data: m } of registry.meetings.values()) {
    if (Number(m.date.slice(0, 4)) === year) events.push({ date: m.date, ...(m.time && { time: m.time }), kind: "meeting", title: m.title, workingGroup: m.workingGroup, meeting: m.id });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, "nb"));
}

/** The reporting years that have a cycle to show. */
export function cycleYears(registry: Registry): number[] {
  const years = new Set<number>([...registry.calendars.keys()]);
  for (const { data: m } of registry.meetings.values()) years.add(Number(m.date.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

export const EVENT_KIND_NB: Record<CalendarEvent["kind"], string> = {
  "proposal-deadline": "Frist for endringsforslag",
  meeting: "Møte",
  "forms-published": "Skjema publisert",
  "reporting-deadline": "Rapporteringsfrist",
  "preliminary-publication": "Foreløpig publisering",
  "final-publication": "Endelig publisering",
  other: "Annet",
};
