import type { Registry } from "../model/registry.ts";
import type { FormVersion, Meeting, Proposal, ReportText, SourceRef, StatbankTable, WorkingGroup } from "../schema/index.ts";
import { versionAt } from "../model/registry.ts";
import { diffRegistry } from "../diff/index.ts";
import type { Change } from "../diff/change.ts";
import { currentStatus } from "../diff/trace.ts";
import { cycleOf, type CycleEvent } from "../cycle/calendar.ts";

/** Codelists of the chart of accounts (kontoplanen): their changes form chapter 4. */
const CHART_OF_ACCOUNTS = new Set(["kostra-art", "kostra-funksjon"]);

/** A working group's annual report for a year, in the chapters of the report the groups write (kilde 001). */
export interface AnnualReport {
  group: WorkingGroup;
  year: number;
  members: WorkingGroup["members"];
  meetings: Meeting[];
  /** 2: every proposal of the year, with its current status. */
  proposals: { proposal: Proposal; status: string }[];
  /** 3: proposals on publishing (tables, indicators). */
  publishing: Proposal[];
  /** 4: proposals and computed changes of the chart of accounts. */
  chartOfAccounts: { proposals: Proposal[]; changes: Change[] };
  /** 5: proposals and computed changes of forms, file extracts and their codelists. */
  forms: { proposals: Proposal[]; changes: Change[] };
  /** 6: the cycle of the previous reporting year, and what the meetings said about it. */
  evaluation: { year: number; events: CycleEvent[]; items: { meeting: Meeting; item: Meeting["agenda"][number] }[] };
  /** The report's own text (content/reports/<group>-<year>.yaml), where the registry holds it. */
  text?: ReportText;
  /**
   * Every chapter in the report's order: the chapters and headings of the report's text, or, with
   * no text, the six chapters the registry can fill; each with its text and the computed parts
   * that belong to it.
   */
  chapters: ReportChapterView[];
}

/** What the registry computes for a chapter, shown beside the report's text. */
export type ComputedPart =
  | { kind: "members"; members: WorkingGroup["members"] }
  | { kind: "meetings"; meetings: Meeting[] }
  | { kind: "proposals"; proposals: { proposal: Proposal; status: string }[] }
  | { kind: "publishing"; proposals: Proposal[] }
  | { kind: "chartOfAccounts"; proposals: Proposal[]; changes: Change[] }
  | { kind: "forms"; proposals: Proposal[]; changes: Change[] }
  | { kind: "evaluation"; year: number; events: CycleEvent[]; items: { meeting: Meeting; item: Meeting["agenda"][number] }[] }
  | { kind: "tables"; lists: { heading?: string; tables: StatbankTable[] }[] }
  | { kind: "form"; id: string; year: number; name: string; version: FormVersion };

/** A chapter of the report as the page shows it. */
export interface ReportChapterView {
  /** As the report writes it: `6.4.1`. */
  number: string;
  title: string;
  /** 1 for a chapter, 2 for a section (6.1), 3 for 6.4.1, …: the heading level below the title. */
  depth: number;
  /** The report's text: paragraphs, each a list of lines. */
  paragraphs: string[][];
  note?: string;
  source?: SourceRef;
  parts: ComputedPart[];
}

/** The chapters the registry fills when it holds no text of the report (the reports' template, kilde 001). */
const DEFAULT_CHAPTERS: [string, string][] = [
  ["1", "Innledning"],
  ["2", "Oppsummering og anbefaling"],
  ["3", "Videreutvikling av publiseringen"],
  ["4", "Ønskede endringer i kontoplanen (funksjon og art)"],
  ["5", "Ønskede endringer i skjema/filuttrekk"],
  ["6", "Evaluering av siste rapportering"],
];

/**
 * Where each computed part stands: the first of its chapters the report has. Proposals of the
 * chart of accounts and of forms go with «Forslag til endring» (4.1, 5.1) where the report has it.
 */
const PLACES: Record<"members" | "meetings" | "proposals" | "publishing" | "chartOfAccounts" | "forms" | "evaluation", string[]> = {
  members: ["1"],
  meetings: ["1"],
  proposals: ["2"],
  publishing: ["3"],
  chartOfAccounts: ["4.1", "4"],
  forms: ["5.1", "5"],
  evaluation: ["6"],
};

/** A chapter's text as paragraphs (split at blank lines) of lines. */
export function paragraphsOf(text: string | undefined): string[][] {
  if (!text) return [];
  return text
    .split(/\n\s*\n/)
    .map((p) => p.split("\n").map((l) => l.trim()).filter(Boolean))
    .filter((p) => p.length > 0);
}

export function annualReport(registry: Registry, groupId: string, year: number): AnnualReport {
  const group = registry.workingGroups.get(groupId);
  if (!group) throw new Error(`no working group ${groupId}`);
  const proposals = [...registry.proposals.values()].map((p) => p.data).filter((p) => p.workingGroup === groupId && p.targetYear === year);
  const meetings = [...registry.meetings.values()].map((m) => m.data).filter((m) => m.workingGroup === groupId && m.date.startsWith(String(year))).sort((a, b) => a.date.localeCompare(b.date));
  const years = registry.reportingYears;
  const changes = years.includes(year) && years.includes(year - 1) ? diffRegistry(registry, year - 1, year).changes.filter((c) => c.workingGroup === groupId) : [];
  const isChart = (p: Proposal) => p.changes.some((c) => c.codelist !== undefined && CHART_OF_ACCOUNTS.has(c.codelist));
  const isPublishing = (p: Proposal) => p.changes.some((c) => c.table !== undefined || c.indicator !== undefined);
  const report = {
    group,
    year,
    members: group.members.filter((m) => m.asOf === Math.max(...group.members.filter((x) => x.asOf <= year).map((x) => x.asOf))),
    meetings,
    proposals: proposals.map((proposal) => ({ proposal, status: currentStatus(proposal) })),
    publishing: proposals.filter(isPublishing),
    chartOfAccounts: { proposals: proposals.filter(isChart), changes: changes.filter((c) => c.itemKind === "codelist" && CHART_OF_ACCOUNTS.has(c.item)) },
    forms: {
      proposals: proposals.filter((p) => !isChart(p) && !isPublishing(p)),
      changes: changes.filter((c) => c.itemKind === "form" || (c.itemKind === "codelist" && !CHART_OF_ACCOUNTS.has(c.item))),
    },
    evaluation: {
      year: year - 1,
      events: cycleOf(registry, year - 1).filter((e) => !e.workingGroup || e.workingGroup === groupId),
      items: meetings.flatMap((meeting) => meeting.agenda.filter((i) => /evaluering/i.test(i.title)).map((item) => ({ meeting, item }))),
    },
  };
  const text = registry.reportTexts.get(`${groupId}-${year}`);
  return { ...report, text, chapters: chaptersOf(registry, report, text) };
}

/** The report's chapters, each with its text and the computed parts placed in it. */
function chaptersOf(registry: Registry, r: Omit<AnnualReport, "chapters" | "text">, text: ReportText | undefined): ReportChapterView[] {
  const chapters: ReportChapterView[] = text
    ? text.chapters.map((c) => ({ number: c.number, title: c.title, depth: c.number.split(".").length, paragraphs: paragraphsOf(c.text), note: c.note, source: c.source, parts: [] }))
    : DEFAULT_CHAPTERS.map(([number, title]) => ({ number, title, depth: 1, paragraphs: [], parts: [] }));
  const byNumber = new Map(chapters.map((c) => [c.number, c]));
  const place = (kind: keyof typeof PLACES, part: ComputedPart) => PLACES[kind].map((n) => byNumber.get(n)).find(Boolean)?.parts.push(part);
  place("members", { kind: "members", members: r.members });
  place("meetings", { kind: "meetings", meetings: r.meetings });
  place("proposals", { kind: "proposals", proposals: r.proposals });
  place("publishing", { kind: "publishing", proposals: r.publishing });
  place("chartOfAccounts", { kind: "chartOfAccounts", ...r.chartOfAccounts });
  place("forms", { kind: "forms", ...r.forms });
  place("evaluation", { kind: "evaluation", ...r.evaluation });
  for (const c of text?.chapters ?? []) {
    const view = byNumber.get(c.number)!;
    // References are checked by validation (validate/references.ts); a missing one is left out here.
    if (c.tables) view.parts.push({ kind: "tables", lists: c.tables.map((l) => ({ heading: l.heading, tables: l.tables.map((n) => registry.tables.get(n)).filter((t) => t !== undefined) })) });
    const form = c.form && registry.forms.get(c.form.id);
    const version = c.form && form && versionAt(form, c.form.year);
    if (c.form && form && version) view.parts.push({ kind: "form", id: c.form.id, year: c.form.year, name: form.meta.name.nb, version: version.data });
  }
  return chapters;
}

/** The years a working group has a report for: years with proposals or meetings. */
export function reportYears(registry: Registry, groupId: string): number[] {
  const years = new Set<number>();
  for (const { data: p } of registry.proposals.values()) if (p.workingGroup === groupId) years.add(p.targetYear);
  for (const { data: m } of registry.meetings.values()) if (m.workingGroup === groupId) years.add(Number(m.date.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}
