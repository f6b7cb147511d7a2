import type { Registry } from "../model/registry.ts";
import { cycleOf, EVENT_KIND_NB } from "../cycle/calendar.ts";
import { writeICalendar } from "./icalendar.ts";

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
