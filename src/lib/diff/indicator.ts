import type { Indicator, Quantity } from "../schema/index.ts";
import { indicatorVersionAt } from "../indicators/compute.ts";
import type { Change, ChangeType } from "./change.ts";
import { classify } from "./classify.ts";
import { wordDiff } from "./text-diff.ts";

type Draft = Omit<Change, "proposals" | "justified">;

const tables = (q?: Quantity) => q?.table ?? "";
const ages = (q?: Quantity) => q?.variables?.ageGroup ?? "";

/**
 * Changes of an indicator's definition between two reporting years: its formula, source tables and
 * age groups. A version marked `seriesBreak`, and every formula or age-group change, breaks the series.
 * `beforeInd` is the indicator as another registry holds it (a branch's base, `kostra review`).
 */
export function diffIndicator(ind: Indicator, fromYear: number, toYear: number, beforeInd: Indicator = ind): Draft[] {
  const before = indicatorVersionAt(beforeInd, fromYear);
  const after = indicatorVersionAt(ind, toYear);
  if (!before?.formula || !after?.formula || before === after) return [];
  const [b, a] = [before.formula, after.formula];
  const base = { itemKind: "indicator" as const, item: ind.id, itemName: ind.name, workingGroup: ind.workingGroup ?? "", year: after.from };
  const breaks = (ind.versions ?? []).some((v) => v.from > fromYear && v.from <= toYear && v.seriesBreak);
  const drafts: Draft[] = [];
  const make = (type: ChangeType, before: string, after: string, seriesBreak: boolean): Draft => ({
    id: `indicator:${ind.id}:${type}`,
    ...base,
    type,
    before: { label: before },
    after: { label: after },
    textDiff: wordDiff(before, after),
    ...(seriesBreak && { seriesBreak: true }),
    ...classify(type),
  });
  const age = (f: typeof a) => [ages(f.numerator), ages(f.denominator)].join(" / ");
  const tab = (f: typeof a) => [tables(f.numerator), tables(f.denominator)].join(" / ");
  if (age(b) !== age(a)) drafts.push(make("indicator-age-group-changed", age(b), age(a), true));
  if (tab(b) !== tab(a)) drafts.push(make("indicator-table-changed", tab(b), tab(a), breaks));
  const text = (f: typeof a) => `${f.text}: A = ${f.numerator.label}${f.denominator ? `; B = ${f.denominator.label}` : ""}`;
  if (b.text !== a.text || b.multiplier !== a.multiplier || (age(b) === age(a) && text(b) !== text(a))) {
    drafts.push(make("indicator-formula-changed", text(b), text(a), true));
  }
  return drafts;
}
