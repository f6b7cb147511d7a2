import type { Registry } from "../registry.ts";
import { diffCodelist } from "./codelist.ts";
import type { Proposal } from "../schema/index.ts";
import type { Change, NotCarriedOut } from "./change.ts";

type Draft = Omit<Change, "proposals" | "justified">;

/** Statuses after which a proposal no longer declares a change. */
const DROPPED = new Set(["avvist", "utsatt"]);

export const currentStatus = (p: Proposal) => p.history.at(-1)!.status;

/** Proposals whose target year falls in (from, to] and that still stand. */
export function proposalsInRange(registry: Registry, from: number, to: number): Proposal[] {
  return [...registry.proposals.values()].map((p) => p.data).filter((p) => p.targetYear > from && p.targetYear <= to && !DROPPED.has(currentStatus(p)));
}

/** The codes a change touches. */
const codesOf = (c: Draft) => [c.code, ...(c.from ?? []), ...(c.to ?? [])].filter((x): x is string => x !== undefined);

/**
 * Links each change to the proposals that declare it, and finds declared changes that did not
 * happen. A proposal item naming a codelist without codes declares every change to that list.
 */
export function trace(registry: Registry, from: number, to: number, drafts: Draft[]): { changes: Change[]; notCarriedOut: NotCarriedOut[] } {
  const proposals = proposalsInRange(registry, from, to);
  // item -> code (or "*") -> proposal ids
  const declared = new Map<string, Map<string, Set<string>>>();
  for (const p of proposals) {
    for (const item of p.changes) {
      if (item.codelist === undefined) continue;
      const byCode = declared.get(item.codelist) ?? new Map<string, Set<string>>();
      for (const code of item.codes?.length ? item.codes : ["*"]) byCode.set(code, (byCode.get(code) ?? new Set()).add(p.id));
      declared.set(item.codelist, byCode);
    }
  }
  const changes = drafts.map((d): Change => {
    const byCode = declared.get(d.item);
    const ids = new Set<string>(byCode?.get("*") ?? []);
    for (const code of codesOf(d)) for (const id of byCode?.get(code) ?? []) ids.add(id);
    const proposalIds = [...ids].sort();
    return { ...d, proposals: proposalIds, justified: proposalIds.length > 0 };
  });

  // A proposal is carried out when its item changes from the year before its target year to the target year.
  const touchedAt = (item: string, year: number): Set<string> | undefined => {
    const entry = registry.codelists.get(item);
    if (!entry) return undefined;
    const drafts = diffCodelist(registry, entry, year - 1, year);
    return drafts.length ? new Set(drafts.flatMap((d) => (codesOf(d).length ? codesOf(d) : ["*"]))) : undefined;
  };
  const notCarriedOut: NotCarriedOut[] = [];
  for (const p of proposals) {
    for (const item of p.changes) {
      if (item.codelist === undefined) continue;
      const seen = touchedAt(item.codelist, p.targetYear);
      const codes = item.codes?.length ? item.codes : [undefined];
      for (const code of codes) {
        const happened = code === undefined ? seen !== undefined : seen?.has(code);
        if (!happened) notCarriedOut.push({ proposal: p.id, targetYear: p.targetYear, item: item.codelist, ...(code !== undefined && { code }), description: item.description });
      }
    }
  }
  return { changes, notCarriedOut };
}
