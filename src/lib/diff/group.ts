import type { Change } from "./change.ts";

export interface ChangeGroup {
  workingGroup: string;
  items: { item: string; itemName: string; changes: Change[] }[];
}

/** Changes grouped by working group, then item, keeping their order (breaking first within an item). */
export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups: ChangeGroup[] = [];
  for (const c of changes) {
    let g = groups.find((x) => x.workingGroup === c.workingGroup);
    if (!g) groups.push((g = { workingGroup: c.workingGroup, items: [] }));
    let item = g.items.find((x) => x.item === c.item && x.changes[0]?.itemKind === c.itemKind);
    if (!item) g.items.push((item = { item: c.item, itemName: c.itemName, changes: [] }));
    item.changes.push(c);
  }
  return groups;
}

/** Every pair of reporting years (from < to). */
export function yearPairs(years: readonly number[]): { from: number; to: number }[] {
  return years.flatMap((from, i) => years.slice(i + 1).map((to) => ({ from, to })));
}
