import { createEvents, type EventAttributes } from "ics";
import type { Registry } from "../registry.ts";
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
    if (Number(m.date.slice(0, 4)) === year) events.push({ date: m.date, kind: "meeting", title: m.title, workingGroup: m.workingGroup, meeting: m.id });
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

/** The cycle as an iCalendar file (RFC 5545): all-day events with stable UIDs. */
export function cycleToICalendar(registry: Registry, year: number, siteUrl = "https://kostra-registeret.no"): string {
  const events: EventAttributes[] = cycleOf(registry, year).map((e) => {
    const [y, m, d] = e.date.split("-").map(Number);
    const group = e.workingGroup ? registry.workingGroups.get(e.workingGroup)?.name.nb : undefined;
    return {
      uid: `${e.date}-${e.kind}-${e.meeting ?? slug(e.title)}@kostra-registeret`,
      start: [y, m, d],
      duration: { days: 1 },
      title: `${EVENT_KIND_NB[e.kind]}: ${e.title}`,
      description: [group, e.note].filter(Boolean).join("\n") || undefined,
      url: e.meeting ? `${siteUrl}/moter/${e.meeting}/` : undefined,
      categories: [EVENT_KIND_NB[e.kind]],
      productId: "kostra-registeret/kalender",
      calName: `KOSTRA rapporteringsår ${year}`,
      // A fixed stamp keeps the file byte-identical from build to build.
      timestamp: Date.UTC(year, 0, 1),
    };
  });
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`could not write the calendar for ${year}: ${error?.message}`);
  return value;
}

const slug = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
