import { versionAt, type Registry } from "../model/registry.ts";
import { CLASS_ORDER, type Change, type ChangeClass, type NotCarriedOut } from "../diff/change.ts";
import { diffRegistriesAt } from "../diff/between.ts";
import { compareText, itemDiffer } from "../diff/index.ts";
import { currentStatus, declaredItems, keysOf, linkProposals, proposalNotCarriedOut } from "../diff/trace.ts";
import type { Proposal } from "../schema/index.ts";
import type { Review, ReviewProblem, ReviewYear } from "./schema.ts";

type Counts = Record<ChangeClass, number>;
const zero = (): Counts => Object.fromEntries(CLASS_ORDER.map((k) => [k, 0])) as Counts;
const rank = (c: ChangeClass) => CLASS_ORDER.indexOf(c);

/** Removals that senders must have been warned of a year ahead. */
const REMOVALS = new Set<Change["type"]>(["code-removed", "code-withdrawn", "field-code-removed", "field-removed", "codelist-discontinued"]);
/** A proposal decided on counts as notice of what it declares. */
const DECIDED = new Set(["vedtatt", "gjennomført"]);

export interface ReviewInput {
  base: Registry;
  head: Registry;
  baseRef: { ref: string; commit: string };
  /** Content files the branch changes (relative to the content root), with what happened to each. */
  files: Review["files"];
  /** Today, YYYY-MM-DD: reporting deadlines before it have passed. Given, so the output is deterministic. */
  today: string;
  /** The work tree's validation errors, each as `kostra validate` prints it. */
  invalid?: string[];
}

/** Everything a branch does to the registry, year by year, with the problems a working group must see. */
export function reviewRegistries({ base, head, baseRef, files, today, invalid = [] }: ReviewInput): Review {
  const changedProposals = proposalsChanged(base, head);
  const years = [...new Set([...base.reportingYears, ...head.reportingYears])].sort((a, b) => a - b);
  const reviewed: ReviewYear[] = [];
  const problems: ReviewProblem[] = invalid.map((message) => ({ severity: "error", kind: "content-invalid", message }));
  for (const year of years) {
    const changes = sortChanges(linkProposals(head, year - 1, year, diffRegistriesAt(base, head, year)));
    const notCarriedOut = [...changedProposals.values()].filter((p) => p.targetYear === year).flatMap((p) => proposalNotCarriedOut(head, p, itemDiffer(head)) as NotCarriedOut[]);
    if (!changes.length && !notCarriedOut.length) continue;
    const published = head.published.has(year) || base.published.has(year);
    problems.push(...protection(base, head, year, changes), ...notice(head, year, changes), ...deadline(head, year, changes, today));
    reviewed.push({ year, published, changes, notCarriedOut, ...(changes.length && { nextYear: nextYearEffect(base, head, year, changes, changedProposals) }) });
  }
  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || (a.year ?? 0) - (b.year ?? 0) || compareText(a.change ?? "", b.change ?? "") || compareText(a.kind, b.kind));
  const all = reviewed.flatMap((y) => y.changes);
  const count = (pick: (c: Change) => ChangeClass) => {
    const counts = zero();
    for (const c of all) counts[pick(c)]++;
    return counts;
  };
  return {
    base: baseRef,
    summary: {
      years: reviewed.map((y) => y.year),
      changes: all.length,
      sender: count((c) => c.sender),
      consumer: count((c) => c.consumer),
      notJustified: all.filter((c) => !c.justified).length,
      notCarriedOut: reviewed.reduce((n, y) => n + y.notCarriedOut.length, 0),
      errors: problems.filter((p) => p.severity === "error").length,
      warnings: problems.filter((p) => p.severity === "warning").length,
    },
    problems,
    years: reviewed,
    files,
  };
}

/** Proposals the branch adds or edits, as the head holds them (a proposal it removes declares nothing). */
function proposalsChanged(base: Registry, head: Registry): Map<string, Proposal> {
  const out = new Map<string, Proposal>();
  for (const [id, p] of head.proposals) {
    const was = base.proposals.get(id);
    if (!was || JSON.stringify(was.data) !== JSON.stringify(p.data)) out.set(id, p.data);
  }
  return out;
}

function sortChanges(changes: Change[]): Change[] {
  const order = new Map(changes.map((c, i) => [c, i]));
  return changes.sort((a, b) => compareText(a.workingGroup, b.workingGroup) || compareText(a.itemKind, b.itemKind) || compareText(a.item, b.item) || Math.max(rank(b.sender), rank(b.consumer)) - Math.max(rank(a.sender), rank(a.consumer)) || order.get(a)! - order.get(b)!);
}

/** A published year changes only with a correction recorded on the branch (`kostra publish --correct`). */
function protection(base: Registry, head: Registry, year: number, changes: Change[]): ReviewProblem[] {
  const before = base.published.get(year);
  if (!before || !changes.length) return [];
  const after = head.published.get(year);
  if (after && after.corrections.length > before.corrections.length) return [];
  const message = after
    ? `reporting year ${year} is published, and the branch changes it (${changes.length} change(s)) without recording a correction: record one with \`npx kostra publish ${year} --correct --what "…" --why "…" --decision "…"\`, or undo the change`
    : `reporting year ${year} is published, and the branch deletes its lock (content/published/${year}.json) and changes it: a published year stays published; restore the lock and record a correction`;
  return [{ severity: "error", kind: "published-year-changed", year, message }];
}

/**
 * A removal in year Y is announced when the year before marked the code deprecated, or a proposal
 * decided on (vedtatt, gjennomført) for a year up to Y declares it. Only removals that take effect
 * in Y are judged here: one the head already has in Y-1 is judged in its own year.
 */
function notice(head: Registry, year: number, changes: Change[]): ReviewProblem[] {
  const out: ReviewProblem[] = [];
  for (const c of changes) {
    if (!REMOVALS.has(c.type)) continue;
    if (!presentBefore(head, c, year - 1)) continue;
    if (deprecatedBefore(head, c, year - 1) || announced(head, c, year)) continue;
    const what = c.code !== undefined ? `code ${c.code}${c.element ? ` of ${c.element}` : ""}` : c.element !== undefined ? `field ${c.element}` : c.item;
    out.push({ severity: "warning", kind: "removed-without-notice", year, change: c.id, message: `${what} of ${c.itemKind} ${c.item} is removed in ${year} without notice: ${year - 1} did not mark it deprecated and no decided proposal announces it` });
  }
  return out;
}

/** Whether what the change removes is still there, in the head, the year before. */
function presentBefore(head: Registry, c: Change, year: number): boolean {
  if (c.itemKind === "codelist") {
    const entry = head.codelists.get(c.item);
    const v = entry && versionAt(entry, year);
    return !!v && (c.code === undefined || v.data.codes.some((x) => x.code === c.code && x.status !== "deprecated"));
  }
  if (c.itemKind === "form") {
    const entry = head.forms.get(c.item);
    return !!entry && versionAt(entry, year) !== undefined;
  }
  return true;
}

function deprecatedBefore(head: Registry, c: Change, year: number): boolean {
  const listId = c.itemKind === "codelist" ? c.item : (c.before?.codelist ?? undefined);
  if (c.code === undefined || listId === undefined) return false;
  const entry = head.codelists.get(listId.split("@")[0]);
  const v = entry && versionAt(entry, year);
  return !!v && v.data.codes.some((x) => x.code === c.code && x.status === "deprecated");
}

function announced(head: Registry, c: Change, year: number): boolean {
  const keys = keysOf(c);
  for (const { data: p } of head.proposals.values()) {
    if (p.targetYear > year || !DECIDED.has(currentStatus(p))) continue;
    for (const d of declaredItems(p)) {
      if (d.kind !== c.itemKind || d.id !== c.item) continue;
      if (!d.keys.length || keys.some((k) => d.keys.includes(k))) return true;
    }
  }
  return false;
}

/** A change breaking for senders in a year whose reporting deadline has passed reaches them too late. */
function deadline(head: Registry, year: number, changes: Change[], today: string): ReviewProblem[] {
  const deadlines = (head.calendars.get(year)?.events ?? []).filter((e) => e.kind === "reporting-deadline").map((e) => e.date).sort();
  const first = deadlines[0];
  if (first === undefined || first >= today) return [];
  return changes
    .filter((c) => c.sender === "breaking")
    .map((c) => ({ severity: "warning" as const, kind: "deadline-passed" as const, year, change: c.id, message: `${c.type} of ${c.itemKind} ${c.item}${c.code ? ` (${c.code})` : c.element ? ` (${c.element})` : ""} is breaking for senders, and the reporting deadline of ${year} (${first}) has passed` }));
}

/**
 * The change set from Y-1 to Y before and after the branch, counted over the items the branch
 * touches (every other item's changes are the same on both sides, so the difference is exact).
 */
function nextYearEffect(base: Registry, head: Registry, year: number, changes: Change[], changedProposals: Map<string, Proposal>): ReviewYear["nextYear"] {
  const items = new Set(changes.map((c) => `${c.itemKind}:${c.item}`));
  for (const p of changedProposals.values()) if (p.targetYear === year) for (const d of declaredItems(p)) items.add(`${d.kind}:${d.id}`);
  const counted = (registry: Registry) => {
    const diff = itemDiffer(registry);
    const drafts = [...items].flatMap((key) => {
      const [kind, id] = key.split(/:(.*)/s) as [Change["itemKind"], string];
      return diff(kind, id, year - 1, year);
    });
    const traced = linkProposals(registry, year - 1, year, drafts);
    const sender = zero();
    const consumer = zero();
    for (const c of traced) {
      sender[c.sender]++;
      consumer[c.consumer]++;
    }
    return { sender, consumer, notJustified: traced.filter((c) => !c.justified).length };
  };
  return { from: year - 1, to: year, before: counted(base), after: counted(head) };
}
