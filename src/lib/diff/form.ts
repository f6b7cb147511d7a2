import { versionAt, type FormEntry, type Registry } from "../registry.ts";
import type { Control, FormVersion } from "../schema/index.ts";
import type { Change, ChangeType } from "./change.ts";
import { classify } from "./classify.ts";
import { codeOrder } from "./correspondence-chain.ts";
import { wordDiff } from "./text-diff.ts";

type Draft = Omit<Change, "proposals" | "justified">;
type ElementKind = NonNullable<Change["elementKind"]>;

/** A form version flattened to comparable elements, keyed by id. */
interface Element {
  kind: ElementKind;
  label: string;
  help: string;
  format: string;
  codelist?: string;
  mandatory: boolean;
}

const fmt = (o: Record<string, unknown>) => Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${String(v)}`).join(", ");

/** The version's own year in a label ("per 31.12.2023") is not a change from one year to the next. */
const yearless = (text: string, year: number) => text.replaceAll(String(year), "‹år›");

export function formElements(v: FormVersion): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const s of v.sections ?? []) {
    out.set(s.id, { kind: "section", label: s.title, help: s.help ?? "", format: "", mandatory: false });
    for (const f of s.fields ?? []) {
      const codelist = f.codelist ? `${f.codelist.codelist}${f.codelist.year !== undefined ? `@${f.codelist.year}` : ""}` : undefined;
      out.set(f.id, { kind: "field", label: f.label, help: f.help ?? "", format: fmt({ type: f.type, decimals: f.decimals }), codelist, mandatory: f.mandatory ?? false });
    }
    for (const t of s.tables ?? []) {
      out.set(t.id, { kind: "table", label: t.title, help: t.help ?? "", format: fmt({ type: t.cellType, decimals: t.decimals }), mandatory: false });
      for (const r of t.rows) out.set(`${t.id}.${r.id}`, { kind: "row", label: r.label, help: "", format: r.sum ? "sum" : "", mandatory: false });
      for (const c of t.columns) out.set(`${t.id}.${c.id}`, { kind: "column", label: c.label, help: "", format: c.sum ? "sum" : "", mandatory: false });
    }
  }
  for (const r of v.records ?? []) {
    out.set(r.id, { kind: "record", label: r.name, help: r.description ?? "", format: fmt({ path: r.path, parent: r.parent, occurs: r.occurs }), mandatory: false });
    for (const f of r.fields) {
      const codelist = f.codelist ? `${f.codelist.codelist}${f.codelist.year !== undefined ? `@${f.codelist.year}` : ""}` : undefined;
      const format = fmt({ type: f.type, path: f.path, position: f.position, length: f.length, minLength: f.minLength, maxLength: f.maxLength, pattern: f.pattern, datePattern: f.datePattern, repeats: f.repeats });
      out.set(`${r.id}.${f.name}`, { kind: "record-field", label: f.name, help: f.description ?? "", format, codelist, mandatory: f.mandatory ?? false });
    }
  }
  return out;
}

const SEVERITY_RANK = { INFO: 0, WARNING: 1, ERROR: 2, FATAL: 3 } as const;
const blocking = (c: Control) => c.severity === "ERROR" || c.severity === "FATAL";

/** All changes of one form between two reporting years: fields, rows, columns, records and controls. */
export function diffForm(registry: Registry, entry: FormEntry, fromYear: number, toYear: number): Draft[] {
  const { meta } = entry;
  const base = { itemKind: "form" as const, item: meta.id, itemName: `${meta.number} ${meta.name.nb}`, workingGroup: meta.workingGroup };
  const before = versionAt(entry, fromYear);
  const after = versionAt(entry, toYear);
  const make = (type: ChangeType, rest: Partial<Draft>, key: string): Draft => ({ id: `form:${meta.id}:${type}:${key}`, ...base, type, year: after?.year ?? toYear, ...rest, ...classify(type) });
  if (!before && !after) return [];
  if (!before) return meta.introducedIn !== undefined && meta.introducedIn > fromYear && meta.introducedIn <= toYear ? [{ ...make("form-added", {}, ""), year: meta.introducedIn }] : [];
  if (!after) return meta.discontinuedFrom !== undefined && meta.discontinuedFrom <= toYear ? [{ ...make("form-discontinued", {}, ""), year: meta.discontinuedFrom }] : [];
  if (before === after) return [];

  const drafts: Draft[] = [];
  const old = formElements(before.data);
  const now = formElements(after.data);
  const state = (e: Element) => ({ label: e.label, format: e.format, ...(e.codelist && { codelist: e.codelist }), mandatory: e.mandatory });
  for (const [id, o] of old) {
    const n = now.get(id);
    const at = { element: id, elementKind: o.kind };
    if (!n) {
      drafts.push(make("field-removed", { ...at, before: state(o) }, id));
      continue;
    }
    const label = (e: Element, y: number) => yearless(e.label, y);
    const help = (e: Element, y: number) => yearless(e.help, y);
    if (label(o, before.year) !== label(n, after.year) || help(o, before.year) !== help(n, after.year)) {
      const labelChanged = label(o, before.year) !== label(n, after.year);
      drafts.push(make("field-text-changed", { ...at, before: { label: o.label }, after: { label: n.label }, textDiff: labelChanged ? wordDiff(o.label, n.label) : wordDiff(o.help, n.help) }, id));
    }
    if (o.format !== n.format) drafts.push(make("field-format-changed", { ...at, before: { format: o.format }, after: { format: n.format } }, id));
    if (o.codelist !== n.codelist) drafts.push(make("field-codelist-changed", { ...at, before: { codelist: o.codelist }, after: { codelist: n.codelist } }, id));
    if (o.mandatory !== n.mandatory) drafts.push(make(n.mandatory ? "field-made-mandatory" : "field-made-optional", { ...at, before: { mandatory: o.mandatory }, after: { mandatory: n.mandatory } }, id));
  }
  for (const [id, n] of now) {
    if (!old.has(id)) drafts.push(make(n.mandatory ? "field-added-mandatory" : "field-added", { element: id, elementKind: n.kind, after: state(n) }, id));
  }

  // A version without `controls` does not document them (unknown, not none): nothing to compare.
  if (before.data.controls === undefined || after.data.controls === undefined) return drafts.sort((a, b) => codeOrder(a.element ?? "", b.element ?? "") || a.type.localeCompare(b.type));
  const oldControls = new Map((before.data.controls ?? []).map((c) => [c.id, c]));
  const newControls = new Map((after.data.controls ?? []).map((c) => [c.id, c]));
  const cstate = (c: Control) => ({ label: c.message, severity: c.severity, ...(c.when !== undefined && { when: c.when }) });
  for (const [id, o] of oldControls) {
    const n = newControls.get(id);
    const at = { element: id, elementKind: "control" as const };
    if (!n) {
      drafts.push(make("control-removed", { ...at, before: cstate(o) }, id));
      continue;
    }
    if (SEVERITY_RANK[n.severity] !== SEVERITY_RANK[o.severity]) {
      drafts.push(make(SEVERITY_RANK[n.severity] > SEVERITY_RANK[o.severity] ? "control-made-stricter" : "control-made-lenient", { ...at, before: { severity: o.severity }, after: { severity: n.severity } }, id));
    }
    if ((o.when ?? o.notExpressible) !== (n.when ?? n.notExpressible)) {
      drafts.push(make("control-condition-changed", { ...at, before: { when: o.when ?? "" }, after: { when: n.when ?? "" }, textDiff: wordDiff(o.when ?? o.notExpressible ?? "", n.when ?? n.notExpressible ?? "") }, id));
    }
    if (o.message !== n.message || o.title !== n.title || o.condition !== n.condition) {
      drafts.push(make("control-text-changed", { ...at, before: { label: o.message }, after: { label: n.message }, textDiff: wordDiff(o.message, n.message) }, id));
    }
  }
  for (const [id, n] of newControls) {
    if (!oldControls.has(id)) drafts.push(make(blocking(n) ? "control-added-blocking" : "control-added-warning", { element: id, elementKind: "control", after: cstate(n) }, id));
  }
  return drafts.sort((a, b) => codeOrder(a.element ?? "", b.element ?? "") || a.type.localeCompare(b.type));
}
