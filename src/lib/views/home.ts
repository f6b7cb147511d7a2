import { cycleOf, EVENT_KIND_NB } from "../cycle/calendar.ts";
import type { ChangeClass } from "../diff/change.ts";
import { diffRegistry } from "../diff/index.ts";
import type { Registry } from "../model/registry.ts";
import { urls } from "../site/urls.ts";
import { citeSources } from "../sources/cite.ts";
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

/** One usual date of the yearly cycle as the calendar content shows it across the years it covers. */
export interface YearlyPatternEntry {
  kind: string;
  /** «15. mars året etter rapporteringsåret». */
  when: string;
  /** The reporting years the sources give this date for. */
  years: number[];
  sources: { title: string; href?: string; section?: string }[];
}

/** Event kinds that recur every year, in the order of the cycle. */
const PATTERN_KINDS = ["proposal-deadline", "reporting-deadline", "preliminary-publication", "final-publication"] as const;

/**
 * The usual yearly dates, read from every calendar file: per kind, each day of the year the sources
 * give, with the reporting years and the sources that give it. Nothing is invented: a kind no
 * source dates is left out.
 */
export function yearlyPattern(registry: Registry): YearlyPatternEntry[] {
  const entries: YearlyPatternEntry[] = [];
  for (const kind of PATTERN_KINDS) {
    const byDay = new Map<string, { offset: number; day: string; years: Set<number>; sources: Map<string, { title: string; href?: string; section?: string }> }>();
    for (const [year, calendar] of [...registry.calendars.entries()].sort((a, b) => a[0] - b[0])) {
      for (const e of calendar.events.filter((ev) => ev.kind === kind)) {
        const offset = Number(e.date.slice(0, 4)) - year;
        const day = e.date.slice(5);
        const key = `${offset}:${day}`;
        const at = byDay.get(key) ?? { offset, day, years: new Set(), sources: new Map() };
        at.years.add(year);
        for (const c of citeSources(e.source)) at.sources.set(c.title, { title: c.title, ...(c.url && { href: c.url }), ...(c.section && { section: c.section }) });
        byDay.set(key, at);
      }
    }
    for (const at of [...byDay.values()].sort((a, b) => a.offset - b.offset || a.day.localeCompare(b.day))) {
      const [m, d] = at.day.split("-").map(Number);
      const when = `${d}. ${MONTHS[m - 1]} ${at.offset === 0 ? "i rapporteringsåret" : at.offset === 1 ? "året etter rapporteringsåret" : `${at.offset} år etter rapporteringsåret`}`;
      entries.push({ kind: EVENT_KIND_NB[kind], when, years: [...at.years], sources: [...at.sources.values()] });
    }
  }
  return entries;
}

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
  /**
   * Deadlines and publishing. `dates` only when the calendar content covers the coming reporting
   * year: past dates are never shown as coming. Otherwise `noneKnown` says so, and `pattern` gives
   * the usual yearly dates the sources describe, each with the years and sources it is seen in.
   */
  calendar?: {
    /** The latest reporting year the calendar content gives dates for. */
    year: number;
    href: string;
    /** The list of every year's calendar. */
    indexHref: string;
    /** The reporting year the dates are wanted for (the registry's last year). */
    coming: number;
    dates: { date: string; dateText: string; kind: string; title: string; group?: string }[];
    more: number;
    noneKnown?: string;
    /** How far the calendar goes, beside `noneKnown`. */
    lastKnown?: string;
    pattern: YearlyPatternEntry[];
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
    // The coming reporting year is the registry's last; a calendar of an earlier year holds past dates only.
    const comingYear = last ?? calendarYear;
    const known = calendarYear >= comingYear;
    const events = known ? cycleOf(registry, comingYear).filter((e) => e.kind !== "meeting") : [];
    calendar = {
      year: calendarYear,
      href: urls.calendar(calendarYear),
      indexHref: urls.calendars(),
      coming: comingYear,
      dates: events.slice(0, HOME_DATES).map((e) => ({ date: e.date, dateText: dateNb(e.date), kind: EVENT_KIND_NB[e.kind], title: e.title, ...(e.workingGroup && { group: groupName(e.workingGroup) }) })),
      more: Math.max(0, events.length - HOME_DATES),
      ...(!known && { noneKnown: `Kildene gir ingen frister eller publiseringsdatoer for rapporteringsår ${comingYear}.`, lastKnown: `Kalenderen i registeret går bare til og med rapporteringsår ${calendarYear}, og de datoene er passert.` }),
      pattern: yearlyPattern(registry),
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
