import type { Change } from "./change.ts";

export interface ChangeGroup {
  workingGroup: string;
  items: { item: string; itemKind: Change["itemKind"]; itemName: string; changes: Change[] }[];
}

/** Changes grouped by working group, then item, keeping their order (breaking first within an item). */
export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<string, { group: ChangeGroup; items: Map<string, ChangeGroup["items"][number]> }>();
  for (const c of changes) {
    let g = groups.get(c.workingGroup);
    if (!g) groups.set(c.workingGroup, (g = { group: { workingGroup: c.workingGroup, items: [] }, items: new Map() }));
    const key = `${c.itemKind}\u0000${c.item}`;
    let item = g.items.get(key);
    if (!item) {
      g.items.set(key, (item = { item: c.item, itemKind: c.itemKind, itemName: c.itemName, changes: [] }));
      g.group.items.push(item);
    }
    item.changes.push(c);
  }
  return [...groups.values()].map((g) => g.group);
}

/** Every pair of reporting years (from < to). */
export function yearPairs(years: readonly number[]): { from: number; to: number }[] {
  return years.flatMap((from, i) => years.slice(i + 1).map((to) => ({ from, to })));
}
