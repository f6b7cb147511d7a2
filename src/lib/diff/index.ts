import { versionAt, type CodelistEntry, type FormEntry, type Registry } from "../model/registry.ts";
import type { FormVersion } from "../schema/index.ts";
import { CLASS_ORDER, type Change, type ChangeClass, type ChangeSet, type WithoutSource } from "./change.ts";
import { assumedAt } from "../model/assumed.ts";
import { diffCodelist } from "./codelist.ts";
import { diffForm } from "./form.ts";
import { diffIndicator } from "./indicator.ts";
import { processShared } from "../model/process-shared.ts";
import { linkProposals, notCarriedOut as findNotCarriedOut, type DiffItem } from "./trace.ts";

type Draft = Omit<Change, "proposals" | "justified">;

/** A kind of item that can be diffed: codelists, forms and indicators. */
export interface ItemDiffer {
  kind: Change["itemKind"];
  ids(registry: Registry): string[];
  has(registry: Registry, id: string): boolean;
  /**
   * What the diff of one item between two years depends on. Between two versions that both exist
   * it is the pair of versions, whatever years they are in force: so 2012→2015 and 2013→2014 share
   * one computation when they span the same versions.
   */
  key(registry: Registry, id: string, from: number, to: number): string;
  diff(registry: Registry, id: string, from: number, to: number): Draft[];
  /** The changes only to be counted, where that is cheaper than `diff` (see `diffItemForCounting`). */
  count?(registry: Registry, id: string, from: number, to: number): Draft[];
}

type Entry = Parameters<typeof versionAt>[0];
const versionPair = (entry: Entry, from: number, to: number, yearDependence = "") => {
  const before = versionAt(entry, from);
  const after = versionAt(entry, to);
  if (before && after) return before === after ? "same" : `v${before.year}>v${after.year}${yearDependence}`;
  return `${from}>${to}`;
};

/** A deprecated code counts as withdrawn once its `withdrawnFrom` year is reached: the one way a codelist diff depends on the year and not only on the versions. */
const withdrawals = new WeakMap<object, number[]>();
function withdrawalsBy(entry: CodelistEntry, to: number): string {
  const version = versionAt(entry, to);
  if (!version) return "";
  let years = withdrawals.get(version);
  if (!years) withdrawals.set(version, (years = [...new Set(version.data.codes.flatMap((c) => (c.withdrawnFrom !== undefined ? [c.withdrawnFrom] : [])))]));
  return `@${years.filter((y) => y <= to).length}`;
}

/** The codelists a form version's fields are bound to, found once per version. */
const bindingsOf = new WeakMap<object, { codelist: string; year?: number }[]>();
function bindings(data: FormVersion): { codelist: string; year?: number }[] {
  let found = bindingsOf.get(data);
  if (!found) {
    const all = [...(data.sections ?? []).flatMap((s) => s.fields ?? []), ...(data.records ?? []).flatMap((r) => r.fields)].flatMap((f) => (f.codelist ? [f.codelist] : []));
    bindingsOf.set(data, (found = [...new Map(all.map((b) => [`${b.codelist}@${b.year ?? ""}`, b])).values()]));
  }
  return found;
}
/** A form's diff lists the codes of its fields' bound codelists, so it also depends on the versions of those in force in each year. */
function boundVersions(registry: Registry, entry: FormEntry, from: number, to: number): string {
  const at = (year: number) => {
    const version = versionAt(entry, year);
    return version ? bindings(version.data).map((b) => { const cl = registry.codelists.get(b.codelist); return `${b.codelist}:${cl ? versionAt(cl, b.year ?? year)?.year ?? "-" : "?"}`; }).join(",") : "";
  };
  return `|${at(from)}>${at(to)}`;
}

export const differs: ItemDiffer[] = [
  {
    kind: "codelist",
    ids: (r) => [...r.codelists.keys()],
    has: (r, id) => r.codelists.has(id),
    key: (r, id, from, to) => versionPair(r.codelists.get(id)!, from, to, withdrawalsBy(r.codelists.get(id)!, to)),
    diff: (r, id, from, to) => diffCodelist(r, r.codelists.get(id)!, from, to),
    count: (r, id, from, to) => diffCodelist(r, r.codelists.get(id)!, from, to, undefined, true),
  },
  {
    kind: "form",
    ids: (r) => [...r.forms.keys()],
    has: (r, id) => r.forms.has(id),
    key: (r, id, from, to) => versionPair(r.forms.get(id)!, from, to) + boundVersions(r, r.forms.get(id)!, from, to),
    diff: (r, id, from, to) => diffForm(r, r.forms.get(id)!, from, to),
  },
  {
    kind: "indicator",
    ids: (r) => [...r.indicators.keys()],
    has: (r, id) => r.indicators.has(id),
    key: (_r, _id, from, to) => `${from}>${to}`,
    diff: (r, id, from, to) => diffIndicator(r.indicators.get(id)!, from, to),
  },
];

/**
 * Item diffs are pure functions of the (immutable) registry, and pages, validation and tracing ask
 * for the same ones many times: each is computed once per registry.
 */
const memo = processShared("item-diffs", () => new WeakMap<Registry, Map<string, Draft[]>>());
const memoKey = (registry: Registry, differ: ItemDiffer, id: string, from: number, to: number) => `${differ.kind}:${id}:${differ.key(registry, id, from, to)}`;
export function diffItemOnce(registry: Registry, differ: ItemDiffer, id: string, from: number, to: number): Draft[] {
  let cache = memo.get(registry);
  if (!cache) memo.set(registry, (cache = new Map()));
  const key = memoKey(registry, differ, id, from, to);
  let drafts = cache.get(key);
  if (!drafts) cache.set(key, (drafts = differ.diff(registry, id, from, to)));
  return drafts;
}

/**
 * An item's changes as counting needs them (their classes and what they touch, not their dates or
 * word diffs): the full ones where `diffItemOnce` has made them, else the cheaper ones, remembered
 * apart so that a full diff is never served without its details.
 */
const countMemo = processShared("item-diffs-counted", () => new WeakMap<Registry, Map<string, Draft[]>>());
export function diffItemForCounting(registry: Registry, differ: ItemDiffer, id: string, from: number, to: number): Draft[] {
  if (!differ.count) return diffItemOnce(registry, differ, id, from, to);
  const key = memoKey(registry, differ, id, from, to);
  const full = memo.get(registry)?.get(key);
  if (full) return full;
  let cache = countMemo.get(registry);
  if (!cache) countMemo.set(registry, (cache = new Map()));
  let drafts = cache.get(key);
  if (!drafts) cache.set(key, (drafts = differ.count(registry, id, from, to)));
  return drafts;
}

export const itemDiffer = (registry: Registry): DiffItem => (kind, id, from, to) => {
  const differ = differs.find((d) => d.kind === kind);
  return differ && differ.has(registry, id) ? diffItemOnce(registry, differ, id, from, to) : [];
};

const rank = (c: ChangeClass) => CLASS_ORDER.indexOf(c);
/** `localeCompare`'s order, with one collator instead of one per comparison. */
export const compareText = new Intl.Collator().compare;

/**
 * The change sets of neighbouring years are asked for by every proposal page, report, feed and
 * year page: each is computed once per registry. Wider pairs are asked for once, by their page.
 */
const neighbourSets = processShared("neighbour-change-sets", () => new WeakMap<Registry, Map<number, ChangeSet>>());

/** Everything that changes from reporting year `from` to `to` (any two years), classified and traced. Treat the result as read-only: it is shared. */
export function diffRegistry(registry: Registry, from: number, to: number): ChangeSet {
  if (!(from < to)) throw new Error(`the first year must be before the second (got ${from} and ${to})`);
  if (to - from > 1) return computeChangeSet(registry, from, to);
  let sets = neighbourSets.get(registry);
  if (!sets) neighbourSets.set(registry, (sets = new Map()));
  let set = sets.get(to);
  if (!set) sets.set(to, (set = computeChangeSet(registry, from, to)));
  return set;
}

function computeChangeSet(registry: Registry, from: number, to: number): ChangeSet {
  const drafts = differs.flatMap((d) => d.ids(registry).flatMap((id) => diffItemOnce(registry, d, id, from, to)));
  const changes = linkProposals(registry, from, to, drafts);
  const notCarriedOut = findNotCarriedOut(registry, from, to, itemDiffer(registry));
  // By working group and item, breaking changes first, then in code order (already sorted per item).
  const order = new Map(changes.map((c, i) => [c, i]));
  changes.sort(
    (a, b) =>
      compareText(a.workingGroup, b.workingGroup) ||
      compareText(a.itemKind, b.itemKind) ||
      compareText(a.item, b.item) ||
      Math.max(rank(b.sender), rank(b.consumer)) - Math.max(rank(a.sender), rank(a.consumer)) ||
      order.get(a)! - order.get(b)!,
  );
  const counts = (pick: (c: Change) => ChangeClass) => {
    const byClass = Object.fromEntries(CLASS_ORDER.map((k) => [k, 0])) as Record<ChangeClass, number>;
    for (const c of changes) byClass[pick(c)]++;
    return byClass;
  };
  return {
    from,
    to,
    summary: {
      changes: changes.length,
      sender: counts((c) => c.sender),
      consumer: counts((c) => c.consumer),
      notJustified: changes.filter((c) => !c.justified).length,
      notCarriedOut: notCarriedOut.length,
    },
    changes,
    notCarriedOut,
    ...withoutSourceIn(registry, to),
  };
}

/** The codelists and forms whose version in `to` is assumed unchanged rather than sourced (`confirmedTo`). */
function withoutSourceIn(registry: Registry, to: number): { withoutSource?: WithoutSource[] } {
  const list: WithoutSource[] = [];
  for (const [itemKind, entries] of [["codelist", registry.codelists], ["form", registry.forms]] as const) {
    for (const entry of entries.values()) {
      const span = assumedAt(registry, entry, to);
      if (span) list.push({ itemKind, item: entry.meta.id, confirmedTo: span.confirmedTo });
    }
  }
  return list.length ? { withoutSource: list } : {};
}

/** The classified, traced changes of one codelist from one year to another. */
export function diffCodelistTraced(registry: Registry, entry: CodelistEntry, from: number, to: number): Change[] {
  return linkProposals(registry, from, to, diffItemOnce(registry, differs[0], entry.meta.id, from, to));
}

/** A codelist's changes year by year, newest first: what its page shows as history. */
export function codelistHistory(registry: Registry, entry: CodelistEntry): { year: number; changes: Change[] }[] {
  const years = registry.reportingYears;
  return years
    .slice(1)
    .map((year) => ({ year, changes: diffCodelistTraced(registry, entry, year - 1, year) }))
    .filter((h) => h.changes.length > 0)
    .reverse();
}
