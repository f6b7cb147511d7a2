import { CLASS_ORDER, type Change, type ChangeClass, type ChangeSet, type NotCarriedOut } from "./change.ts";

/** A change set keeping only some changes (one form's, say), its summary counted again. */
export function filterChangeSet(set: ChangeSet, keep: (c: Change) => boolean, keepNotCarriedOut: (n: NotCarriedOut) => boolean): ChangeSet {
  const changes = set.changes.filter(keep);
  const notCarriedOut = set.notCarriedOut.filter(keepNotCarriedOut);
  const counts = (pick: (c: Change) => ChangeClass) => {
    const byClass = Object.fromEntries(CLASS_ORDER.map((k) => [k, 0])) as Record<ChangeClass, number>;
    for (const c of changes) byClass[pick(c)]++;
    return byClass;
  };
  return {
    from: set.from,
    to: set.to,
    summary: { changes: changes.length, sender: counts((c) => c.sender), consumer: counts((c) => c.consumer), notJustified: changes.filter((c) => !c.justified).length, notCarriedOut: notCarriedOut.length },
    changes,
    notCarriedOut,
  };
}
