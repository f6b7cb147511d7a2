import type { Registry } from "../registry.ts";
import type { Meeting, Proposal, WorkingGroup } from "../schema/index.ts";
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
  return {
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
}

/** The years a working group has a report for: years with proposals or meetings. */
export function reportYears(registry: Registry, groupId: string): number[] {
  const years = new Set<number>();
  for (const { data: p } of registry.proposals.values()) if (p.workingGroup === groupId) years.add(p.targetYear);
  for (const { data: m } of registry.meetings.values()) if (m.workingGroup === groupId) years.add(Number(m.date.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}
