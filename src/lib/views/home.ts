import { cycleOf, EVENT_KIND_NB } from "../cycle/calendar.ts";
import type { ChangeClass } from "../diff/change.ts";
import { diffRegistry } from "../diff/index.ts";
import type { Registry } from "../model/registry.ts";
import { urls } from "../site/urls.ts";
import { registrySections, type Section } from "./sections.ts";
import { proposalOpen, proposalStatusView } from "./proposal-status.ts";

/** How many proposals under treatment and calendar dates the home page shows. */
export const HOME_PROPOSALS = 5;
export const HOME_DATES = 6;

/** Classes for senders, breaking first, with how the home page counts them. */
const SENDER_CLASSES: readonly { cls: ChangeClass; label: string }[] = [
  { cls: "breaking", label: "brytende – må håndteres før rapportering" },
  { cls: "compatible", label: "kompatible – kan tas inn når det passer" },
  { cls: "label-only", label: "bare tekst" },
  { cls: "none", label: "uten betydning for avsendere" },
];

export interface HomeView {
  /** The first and last reporting years the registry covers. */
  years?: { first: number; last: number };
  /** What changes for the latest reporting year, from the year before. */
  coming?: {
    year: number;
    from: number;
    yearHref: string;
    changesHref: string;
    total: number;
    /** Changes per class for senders, breaking first; classes with no changes are kept (0). */
    senderClasses: { cls: ChangeClass; label: string; count: number }[];
    consumerBreaking: number;
  };
  /** The dates of the latest reporting year the calendar content gives (meetings aside). */
  calendar?: {
    year: number;
    href: string;
    dates: { date: string; dateText: string; kind: string; title: string; group?: string }[];
    more: number;
  };
  /** Proposals not yet decided, the latest status change first. */
  openProposals: { total: number; href: string; latest: { title: string; href: string; status: string; since: string; sinceText: string; targetYear: number; group: string }[] };
  sections: Section[];
  workingGroups: { name: string; href: string }[];
}

const MONTHS = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

/** An ISO date as Norwegian text: «15. februar 2023». */
export function dateNb(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  // A proposal's status may be dated by its year alone, where the source gives no day.
  if (m === undefined) return String(y);
  return `${d}. ${MONTHS[m - 1]} ${y}`;
}

export function homeView(registry: Registry): HomeView {
  const years = registry.reportingYears;
  const first = years[0];
  const last = years.at(-1);
  const groupName = (id: string) => registry.workingGroups.get(id)?.name.nb ?? id;

  let coming: HomeView["coming"];
  if (first !== undefined && last !== undefined && last > first) {
    const set = diffRegistry(registry, last - 1, last);
    coming = {
      year: last,
      from: last - 1,
      yearHref: urls.year(last),
      changesHref: urls.changes(last - 1, last),
      total: set.summary.changes,
      senderClasses: SENDER_CLASSES.map(({ cls, label }) => ({ cls, label, count: set.summary.sender[cls] })),
      consumerBreaking: set.summary.consumer.breaking,
    };
  }

  let calendar: HomeView["calendar"];
  const calendarYear = Math.max(...registry.calendars.keys());
  if (Number.isFinite(calendarYear)) {
    const events = cycleOf(registry, calendarYear).filter((e) => e.kind !== "meeting");
    calendar = {
      year: calendarYear,
      href: urls.calendar(calendarYear),
      dates: events.slice(0, HOME_DATES).map((e) => ({ date: e.date, dateText: dateNb(e.date), kind: EVENT_KIND_NB[e.kind], title: e.title, ...(e.workingGroup && { group: groupName(e.workingGroup) }) })),
      more: Math.max(0, events.length - HOME_DATES),
    };
  }

  const open = [...registry.proposals.values()]
    .map((p) => p.data)
    .filter((p) => proposalOpen(registry, p))
    .sort((a, b) => b.history.at(-1)!.date.localeCompare(a.history.at(-1)!.date) || a.title.localeCompare(b.title, "nb"));

  return {
    ...(first !== undefined && last !== undefined && { years: { first, last } }),
    coming,
    calendar,
    openProposals: {
      total: open.length,
      href: urls.proposals(),
      latest: open.slice(0, HOME_PROPOSALS).map((p) => {
        const since = p.history.at(-1)!.date;
        return { title: p.title, href: urls.proposal(p.id), status: proposalStatusView(registry, p).label, since, sinceText: dateNb(since), targetYear: p.targetYear, group: groupName(p.workingGroup) };
      }),
    },
    sections: registrySections(registry),
    workingGroups: [...registry.workingGroups.values()].map((g) => ({ name: g.name.nb, href: urls.workingGroup(g.id) })),
  };
}
