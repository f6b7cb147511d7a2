import type { Registry } from "../model/registry.ts";
import { processShared } from "../model/process-shared.ts";
import { perRegistry } from "../model/per-registry.ts";
import type { Proposal } from "../schema/index.ts";
import type { Change, NotCarriedOut } from "./change.ts";

type Draft = Omit<Change, "proposals" | "justified">;
type ItemKind = Change["itemKind"];

/** Diffs one item between two years; given by the caller so tracing stays independent of the differs. */
export type DiffItem = (kind: ItemKind, id: string, from: number, to: number) => Draft[];

/** Statuses after which a proposal no longer declares a change. */
const DROPPED = new Set(["avvist", "utsatt"]);

export const currentStatus = (p: Proposal) => p.history.at(-1)!.status;

/** Proposals whose target year falls in (from, to] and that still stand. */
export function proposalsInRange(registry: Registry, from: number, to: number): Proposal[] {
  return [...registry.proposals.values()].map((p) => p.data).filter((p) => p.targetYear > from && p.targetYear <= to && !DROPPED.has(currentStatus(p)));
}

/** What a proposal item declares: the item and the codes, fields or controls it names (none: all). */
export function declaredItems(p: Proposal): { kind: ItemKind; id: string; keys: string[]; index: number; description: string }[] {
  return p.changes.flatMap((c, index) => [
    ...(c.codelist !== undefined ? [{ kind: "codelist" as const, id: c.codelist, keys: c.codes ?? [], index, description: c.description }] : []),
    ...(c.form !== undefined ? [{ kind: "form" as const, id: c.form, keys: [...(c.fields ?? []), ...(c.controls ?? [])], index, description: c.description }] : []),
    ...(c.indicator !== undefined ? [{ kind: "indicator" as const, id: c.indicator, keys: [], index, description: c.description }] : []),
  ]);
}

/** The codes, fields or controls a change touches. */
export const keysOf = (c: Draft) => [c.code, c.element, ...(c.from ?? []), ...(c.to ?? [])].filter((x): x is string => x !== undefined);

/** "kind:item" -> key (or "*") -> ids of the proposals that declare it. */
type Declared = Map<string, Map<string, Set<string>>>;

/**
 * Every page of a year pair traces its changes against the same proposals: the proposals in range
 * and what they declare are indexed once per registry and pair, not once per page.
 */
const declaredMemo = processShared("declared-changes", () => new WeakMap<Registry, Map<string, { proposals: Proposal[]; declared: Declared }>>());
function declaredIn(registry: Registry, from: number, to: number) {
  let byPair = declaredMemo.get(registry);
  if (!byPair) declaredMemo.set(registry, (byPair = new Map()));
  let found = byPair.get(`${from}-${to}`);
  if (!found) {
    const proposals = proposalsInRange(registry, from, to);
    const declared: Declared = new Map();
    for (const p of proposals) {
      for (const d of declaredItems(p)) {
        const byKey = declared.get(`${d.kind}:${d.id}`) ?? new Map<string, Set<string>>();
        for (const key of d.keys.length ? d.keys : ["*"]) byKey.set(key, (byKey.get(key) ?? new Set()).add(p.id));
        declared.set(`${d.kind}:${d.id}`, byKey);
      }
    }
    byPair.set(`${from}-${to}`, (found = { proposals, declared }));
  }
  return found;
}

/** For a code of a form field's list taken from a bound codelist: that codelist's id. */
const boundList = (d: Draft) => (d.type.startsWith("field-code-") ? (d.after?.codelist ?? d.before?.codelist) : undefined);

/** Links each change to the proposals that declare it. A proposal item naming no codes, fields or controls declares every change to the item. */
export function linkProposals(registry: Registry, from: number, to: number, drafts: Draft[]): Change[] {
  const { declared } = declaredIn(registry, from, to);
  return drafts.map((d): Change => {
    const byKey = declared.get(`${d.itemKind}:${d.item}`);
    const list = boundList(d);
    const byList = list !== undefined ? declared.get(`codelist:${list}`) : undefined;
    if (!byKey && !byList) return { ...d, proposals: [], justified: false };
    const ids = new Set<string>(byKey?.get("*") ?? []);
    for (const key of keysOf(d)) for (const id of byKey?.get(key) ?? []) ids.add(id);
    // A code of a form field's bound codelist is justified by the codelist's proposals too.
    for (const id of [...(byList?.get("*") ?? []), ...(byList?.get(d.code!) ?? [])]) ids.add(id);
    const proposalIds = [...ids].sort();
    return { ...d, proposals: proposalIds, justified: proposalIds.length > 0 };
  });
}

/** Whether a proposal declares a change: `linkProposals`'s `justified`, without linking. */
export function isDeclared(registry: Registry, from: number, to: number): (d: Draft) => boolean {
  const { declared } = declaredIn(registry, from, to);
  return (d) => {
    const byKey = declared.get(`${d.itemKind}:${d.item}`);
    const list = boundList(d);
    const byList = list !== undefined ? declared.get(`codelist:${list}`) : undefined;
    if (byList !== undefined && (byList.has("*") || byList.has(d.code!))) return true;
    return byKey !== undefined && (byKey.has("*") || keysOf(d).some((k) => byKey.has(k)));
  };
}

/**
 * Whether a proposal is carried out depends on the proposal alone (its item changes from the year
 * before its target year to the target year), not on the pair of years asked about: each proposal is
 * checked once per registry, and every pair of years spanning its target year reuses the answer.
 */
const unfinishedByProposal = perRegistry("not-carried-out", () => new Map<string, NotCarriedOut[]>());
function notCarriedOutOf(registry: Registry, p: Proposal, diffItem: DiffItem): NotCarriedOut[] {
  const byProposal = unfinishedByProposal(registry);
  let result = byProposal.get(p.id);
  if (result) return result;
  result = [];
  for (const d of declaredItems(p)) {
    const found = diffItem(d.kind, d.id, p.targetYear - 1, p.targetYear);
    const seen = found.length ? new Set(found.flatMap((c) => (keysOf(c).length ? keysOf(c) : ["*"]))) : undefined;
    for (const key of d.keys.length ? d.keys : [undefined]) {
      const happened = key === undefined ? seen !== undefined : seen?.has(key);
      if (!happened) result.push({ proposal: p.id, targetYear: p.targetYear, itemKind: d.kind, item: d.id, ...(key !== undefined && { code: key }), description: d.description });
    }
  }
  byProposal.set(p.id, result);
  return result;
}

/** The changes one proposal declares that did not happen from the year before its target year to the target year. */
export function proposalNotCarriedOut(registry: Registry, p: Proposal, diffItem: DiffItem): readonly NotCarriedOut[] {
  return notCarriedOutOf(registry, p, diffItem);
}

/** Declared changes that did not happen: a proposal is carried out when its item changes from the year before its target year to the target year. */
export function notCarriedOut(registry: Registry, from: number, to: number, diffItem: DiffItem): NotCarriedOut[] {
  return declaredIn(registry, from, to).proposals.flatMap((p) => notCarriedOutOf(registry, p, diffItem));
}

/** Links changes to proposals and finds declared changes that did not happen. */
export function trace(registry: Registry, from: number, to: number, drafts: Draft[], diffItem: DiffItem): { changes: Change[]; notCarriedOut: NotCarriedOut[] } {
  return { changes: linkProposals(registry, from, to, drafts), notCarriedOut: notCarriedOut(registry, from, to, diffItem) };
}
