import { versionAt, type Registry } from "../model/registry.ts";
import { indicatorVersionAt } from "../indicators/compute.ts";
import type { Change, ChangeType } from "./change.ts";
import { classify } from "./classify.ts";
import { diffCodelist } from "./codelist.ts";
import { diffForm } from "./form.ts";
import { diffIndicator } from "./indicator.ts";

type Draft = Omit<Change, "proposals" | "justified">;

/**
 * The same diff as `diffRegistry`, between two registries at one reporting year rather than one
 * registry at two years: what a branch (`head`) does to year `year` of its base (`base`). The item
 * differs are the ones `kostra diff` uses, given the base's entry as their old side, so the types
 * and classes are the same. Every change is dated `year`: the year the review looks at.
 */
export function diffRegistriesAt(base: Registry, head: Registry, year: number): Draft[] {
  const drafts: Draft[] = [];
  const dated = (ds: Draft[]) => ds.map((d) => ({ ...d, year }));
  const whole = (type: ChangeType, kind: Change["itemKind"], id: string, itemName: string, workingGroup: string): Draft => ({ id: `${kind}:${id}:${type}:`, itemKind: kind, item: id, itemName, workingGroup, type, year, ...classify(type) });

  for (const id of union(base.codelists, head.codelists)) {
    const b = base.codelists.get(id);
    const h = head.codelists.get(id);
    const bv = b && versionAt(b, year);
    const hv = h && versionAt(h, year);
    if (!bv && !hv) continue;
    if (!bv) drafts.push(whole("codelist-added", "codelist", id, h!.meta.name.nb, h!.meta.workingGroup));
    else if (!hv) drafts.push(whole("codelist-discontinued", "codelist", id, b!.meta.name.nb, b!.meta.workingGroup));
    else if (!same(bv.data, hv.data) || !same(b!.meta, h!.meta)) drafts.push(...dated(diffCodelist(head, h!, year, year, b!)));
  }
  for (const id of union(base.forms, head.forms)) {
    const b = base.forms.get(id);
    const h = head.forms.get(id);
    const bv = b && versionAt(b, year);
    const hv = h && versionAt(h, year);
    if (!bv && !hv) continue;
    if (!bv) drafts.push(whole("form-added", "form", id, `${h!.meta.number} ${h!.meta.name.nb}`, h!.meta.workingGroup));
    else if (!hv) drafts.push(whole("form-discontinued", "form", id, `${b!.meta.number} ${b!.meta.name.nb}`, b!.meta.workingGroup));
    // A form also changes when a codelist its fields are bound to does.
    else if (!same(bv.data, hv.data) || !same(b!.meta, h!.meta) || boundChanged(base, head, hv.data, year)) drafts.push(...dated(diffForm(head, h!, year, year, { registry: base, entry: b! })));
  }
  for (const id of union(base.indicators, head.indicators)) {
    const b = base.indicators.get(id);
    const h = head.indicators.get(id);
    if (!b || !h) continue; // indicators have no added/discontinued change type; the review lists them as other content
    const bv = indicatorVersionAt(b, year);
    const hv = indicatorVersionAt(h, year);
    if (bv && hv && !same(bv, hv)) drafts.push(...dated(diffIndicator(h, year, year, b)));
  }
  return drafts;
}

const union = (a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>) => [...new Set([...a.keys(), ...b.keys()])].sort();

/** Content compared as its JSON, each object serialised once: two loads of one file give equal objects, never the same one. */
const serialised = new WeakMap<object, string>();
function same(a: object, b: object): boolean {
  if (a === b) return true;
  const text = (o: object) => {
    let s = serialised.get(o);
    if (s === undefined) serialised.set(o, (s = JSON.stringify(o)));
    return s;
  };
  return text(a) === text(b);
}

/** Whether a codelist bound by a form version's fields differs, at `year`, between the two registries. */
function boundChanged(base: Registry, head: Registry, data: object, year: number): boolean {
  const ids = new Set<string>();
  const visit = (o: unknown) => {
    if (Array.isArray(o)) o.forEach(visit);
    else if (o && typeof o === "object") {
      const c = (o as { codelist?: unknown }).codelist;
      if (c && typeof c === "object" && typeof (c as { codelist?: unknown }).codelist === "string") ids.add((c as { codelist: string }).codelist);
      Object.values(o).forEach(visit);
    }
  };
  visit(data);
  for (const id of ids) {
    const b = base.codelists.get(id);
    const h = head.codelists.get(id);
    const bv = b && versionAt(b, year);
    const hv = h && versionAt(h, year);
    if (!bv !== !hv || (bv && hv && !same(bv.data, hv.data))) return true;
  }
  return false;
}
