import type { CodelistEntry, Registry } from "../registry.ts";
import { CLASS_ORDER, type Change, type ChangeClass, type ChangeSet } from "./change.ts";
import { diffCodelist } from "./codelist.ts";
import { diffForm } from "./form.ts";
import { diffIndicator } from "./indicator.ts";
import { trace, type DiffItem } from "./trace.ts";

type Draft = Omit<Change, "proposals" | "justified">;

/** A kind of item that can be diffed: codelists, forms and indicators. */
export interface ItemDiffer {
  kind: Change["itemKind"];
  ids(registry: Registry): string[];
  diff(registry: Registry, id: string, from: number, to: number): Draft[];
}

export const differs: ItemDiffer[] = [
  { kind: "codelist", ids: (r) => [...r.codelists.keys()], diff: (r, id, from, to) => diffCodelist(r, r.codelists.get(id)!, from, to) },
  { kind: "form", ids: (r) => [...r.forms.keys()], diff: (r, id, from, to) => diffForm(r, r.forms.get(id)!, from, to) },
  { kind: "indicator", ids: (r) => [...r.indicators.keys()], diff: (r, id, from, to) => diffIndicator(r.indicators.get(id)!, from, to) },
];

/**
 * Item diffs are pure functions of the (immutable) registry, and pages, validation and tracing ask
 * for the same ones many times: each is computed once per registry.
 */
const memo = new WeakMap<Registry, Map<string, Draft[]>>();
function diffItemOnce(registry: Registry, differ: ItemDiffer, id: string, from: number, to: number): Draft[] {
  // Only neighbouring years are asked for again and again; wide pairs are computed when asked.
  if (to - from !== 1) return differ.diff(registry, id, from, to);
  let cache = memo.get(registry);
  if (!cache) memo.set(registry, (cache = new Map()));
  const key = `${differ.kind}:${id}:${from}:${to}`;
  let drafts = cache.get(key);
  if (!drafts) cache.set(key, (drafts = differ.diff(registry, id, from, to)));
  return drafts;
}

const itemDiffer = (registry: Registry): DiffItem => (kind, id, from, to) => {
  const differ = differs.find((d) => d.kind === kind);
  return differ && differ.ids(registry).includes(id) ? diffItemOnce(registry, differ, id, from, to) : [];
};

const rank = (c: ChangeClass) => CLASS_ORDER.indexOf(c);

/** Everything that changes from reporting year `from` to `to` (any two years), classified and traced. */
export function diffRegistry(registry: Registry, from: number, to: number): ChangeSet {
  if (!(from < to)) throw new Error(`the first year must be before the second (got ${from} and ${to})`);
  const drafts = differs.flatMap((d) => d.ids(registry).flatMap((id) => diffItemOnce(registry, d, id, from, to)));
  const { changes, notCarriedOut } = trace(registry, from, to, drafts, itemDiffer(registry));
  // By working group and item, breaking changes first, then in code order (already sorted per item).
  const order = new Map(changes.map((c, i) => [c, i]));
  changes.sort(
    (a, b) =>
      a.workingGroup.localeCompare(b.workingGroup) ||
      a.itemKind.localeCompare(b.itemKind) ||
      a.item.localeCompare(b.item) ||
      Math.max(rank(b.sender), rank(b.consumer)) - Math.max(rank(a.sender), rank(a.consumer)) ||
      order.get(a)! - order.get(b)!,
  );
  const counts = (pick: (c: Change) => ChangeClass) => Object.fromEntries(CLASS_ORDER.map((k) => [k, changes.filter((c) => pick(c) === k).length])) as Record<ChangeClass, number>;
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
  };
}

/** The classified, traced changes of one codelist from one year to another. */
export function diffCodelistTraced(registry: Registry, entry: CodelistEntry, from: number, to: number): Change[] {
  return trace(registry, from, to, diffItemOnce(registry, differs[0], entry.meta.id, from, to), itemDiffer(registry)).changes;
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
