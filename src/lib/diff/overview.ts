import type { Change } from "./change.ts";
import { groupChanges, type ChangeGroup } from "./group.ts";
import { diffRegistry } from "./index.ts";
import { CHANGES_PER_ITEM_OVERVIEW, CHANGE_ROWS_PER_OVERVIEW } from "../site/pagination.ts";
import { perRegistry } from "../model/per-registry.ts";
import type { Registry } from "../model/registry.ts";
import { countNb } from "../text/count-nb.ts";

const groupsByYear = perRegistry("year-groups", () => new Map<number, ChangeGroup[]>());

/**
 * The changes from the year before `year` to `year`, grouped by working group and item. Every page
 * of the year (its overview, the changes between the two years, each group's page) asks for them.
 */
export function yearGroups(registry: Registry, year: number): ChangeGroup[] {
  const memo = groupsByYear(registry);
  let groups = memo.get(year);
  if (!groups) memo.set(year, (groups = groupChanges(diffRegistry(registry, year - 1, year).changes)));
  return groups;
}

/** What changes in one working group's items between two neighbouring years, in counts. */
export interface GroupCounts {
  workingGroup: string;
  /** Codelists, forms and indicators with at least one change. */
  items: number;
  /** The same, said by kind: «2 skjema», «1 kodeliste og 3 skjema». */
  itemsText: string;
  changes: number;
  /** Changes that break what senders (municipalities, vendors) send. */
  senderBreaking: number;
  /** Changes that break tools reading the exports. */
  consumerBreaking: number;
}

/** Changed items counted by kind, in words: «2 skjema», «1 kodeliste og 3 skjema». */
export function itemsByKindNb(items: readonly { itemKind: Change["itemKind"] }[]): string {
  const kinds = (["codelist", "form", "indicator"] as const)
    .map((kind) => ({ kind, n: items.filter((i) => i.itemKind === kind).length }))
    .filter((k) => k.n > 0)
    .map(({ kind, n }) => countNb(n, kind === "codelist" ? "kodeliste" : kind === "form" ? "skjema" : "indikator"));
  if (kinds.length === 0) return "ingen";
  return kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(", ")} og ${kinds.at(-1)}`;
}

export function groupCounts(group: ChangeGroup): GroupCounts {
  const changes = group.items.flatMap((i) => i.changes);
  return {
    workingGroup: group.workingGroup,
    items: group.items.length,
    itemsText: itemsByKindNb(group.items),
    changes: changes.length,
    senderBreaking: changes.filter((c) => c.sender === "breaking").length,
    consumerBreaking: changes.filter((c) => c.consumer === "breaking").length,
  };
}

/**
 * Whether every group's changes fit on the overview of a year (`/aar/<year>/`,
 * `/endringer/<year-1>-<year>/`). At KOSTRA scale they do not (a 10x registry made a 13.6 MB
 * page): the overview then counts the changes per working group and links to each group's page.
 */
export function changesFitOverview(groups: readonly ChangeGroup[]): boolean {
  let rows = 0;
  for (const g of groups) for (const item of g.items) rows += Math.min(item.changes.length, CHANGES_PER_ITEM_OVERVIEW);
  return rows <= CHANGE_ROWS_PER_OVERVIEW;
}

/** The proposals that declare these changes, each once, in the order they first appear. */
export function proposalIdsOf(changes: readonly Change[]): string[] {
  return [...new Set(changes.flatMap((c) => c.proposals))];
}
