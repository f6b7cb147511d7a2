import type { Registry } from "../registry.ts";
import { writeICalendar } from "../export/icalendar.ts";
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

/**
 * The cycle as an iCalendar file (RFC 5545): whole-day events, and timed ones (Europe/Oslo) where
 * the content gives a time of day; stable UIDs. The one maker of `/kalender/<year>.ics`: the page
 * serves these bytes and `index.json` lists their SHA-256, so `siteUrl` must be the site's address
 * (as `exportFiles` gets it).
 */
export function cycleToICalendar(registry: Registry, year: number, siteUrl: string): string {
  return writeICalendar({
    prodId: "-//KOSTRA-registeret//Kalender//NO",
    name: `KOSTRA rapporteringsår ${year}`,
    // A fixed stamp keeps the file byte-identical from build to build.
    stamp: `${year}0101T000000Z`,
    events: cycleOf(registry, year).map((e) => {
      const group = e.workingGroup ? registry.workingGroups.get(e.workingGroup)?.name.nb : undefined;
      return {
        // Unchanged from the first calendars, so subscribers do not see every event twice.
        uid: `${e.date}-${e.kind}-${e.meeting ?? slug(e.title)}@kostra-registeret`,
        date: e.date,
        ...(e.time && { time: e.time }),
        summary: `${EVENT_KIND_NB[e.kind]}: ${e.title}`,
        description: [group, e.note].filter(Boolean).join("\n") || undefined,
        url: e.meeting ? `${siteUrl}/moter/${e.meeting}/` : undefined,
        categories: [EVENT_KIND_NB[e.kind]],
      };
    }),
  });
}

const slug = (s: string) => s.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
