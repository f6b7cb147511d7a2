import { versionAt, type FormEntry, type Registry } from "../model/registry.ts";
import type { Control, FormVersion } from "../schema/index.ts";
import type { RecordConstraint } from "../schema/record-constraint.ts";
import type { Change, ChangeAspect, ChangeType } from "./change.ts";
import { classify } from "./classify.ts";
import { codeOrder } from "./correspondence-chain.ts";
import { fieldCodes, type ListCode } from "./field-codes.ts";
import { wordDiff } from "./text-diff.ts";

type Draft = Omit<Change, "proposals" | "justified">;
type ElementKind = NonNullable<Change["elementKind"]>;
type CodeState = NonNullable<Change["before"]>;
type Value = string | number | boolean;
type Binding = { codelist: string; year?: number };

/** The aspects compared as layout (`field-format-changed`), in the order they are reported. */
const FORMAT_ASPECTS = ["type", "dataType", "position", "length", "datePattern", "path", "pattern", "minLength", "maxLength", "repeats", "decimals", "omit"] as const satisfies readonly ChangeAspect[];
/** The aspects compared as text (`field-text-changed`, or `field-year-changed` when only a year differs). */
const TEXT_ASPECTS = ["label", "help", "description"] as const satisfies readonly ChangeAspect[];

/** A form version flattened to comparable elements, keyed by id. */
export interface Element {
  kind: ElementKind;
  label: string;
  help: string;
  /** The layout aspects as one text, for search and people. */
  format: string;
  codelist?: string;
  mandatory: boolean;
  /** Every aspect set on the element, with its value. */
  aspects: Partial<Record<ChangeAspect, Value>>;
  /** For record fields: the record's id; for records: the parent record's id. */
  record?: string;
  binding?: Binding;
  /** A record field's own code list. */
  ownCodes?: readonly ListCode[];
  /** A record field's definition beyond its aspects. */
  definition?: Pick<CodeState, "description" | "dataType" | "position" | "length" | "datePattern" | "classification">;
}

const fmt = (o: Record<string, unknown>) => Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${String(v)}`).join(", ");
const defined = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
const bindingText = (b?: Binding) => (b ? `${b.codelist}${b.year !== undefined ? `@${b.year}` : ""}` : undefined);


export function formElements(v: FormVersion): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const s of v.sections ?? []) {
    out.set(s.id, { kind: "section", label: s.title, help: s.help ?? "", format: "", mandatory: false, aspects: defined({ label: s.title, help: s.help }) });
    for (const f of s.fields ?? []) {
      const aspects = defined({ label: f.label, help: f.help, type: f.type, decimals: f.decimals, codelist: bindingText(f.codelist) });
      out.set(f.id, { kind: "field", label: f.label, help: f.help ?? "", format: fmt({ type: f.type, decimals: f.decimals }), codelist: bindingText(f.codelist), mandatory: f.mandatory ?? false, aspects, binding: f.codelist });
    }
    for (const t of s.tables ?? []) {
      out.set(t.id, { kind: "table", label: t.title, help: t.help ?? "", format: fmt({ type: t.cellType, decimals: t.decimals }), mandatory: false, aspects: defined({ label: t.title, help: t.help, type: t.cellType, decimals: t.decimals }) });
      // A sum row or column is typed `sum`: it is computed, not reported.
      // A row's cells not asked (`omit`) are part of its layout: the columns' ids, in the table's order.
      for (const r of t.rows) {
        const omit = t.columns.filter((c) => r.omit?.includes(c.id)).map((c) => c.id).join(", ") || undefined;
        out.set(`${t.id}.${r.id}`, { kind: "row", label: r.label, help: "", format: [r.sum ? "sum" : "", omit ? `omit ${omit}` : ""].filter(Boolean).join(", "), mandatory: false, aspects: defined({ label: r.label, type: r.sum ? "sum" : undefined, omit }) });
      }
      for (const c of t.columns) out.set(`${t.id}.${c.id}`, { kind: "column", label: c.label, help: "", format: c.sum ? "sum" : "", mandatory: false, aspects: defined({ label: c.label, type: c.sum ? "sum" : undefined }) });
    }
  }
  for (const r of v.records ?? []) {
    out.set(r.id, { kind: "record", label: r.name, help: r.description ?? "", format: fmt({ path: r.path, parent: r.parent, occurs: r.occurs }), mandatory: false, aspects: defined({ label: r.name, description: r.description, path: r.path, occurs: r.occurs }), record: r.parent });
    for (const f of r.fields) {
      const format = fmt({ type: f.type, path: f.path, position: f.position, length: f.length, minLength: f.minLength, maxLength: f.maxLength, pattern: f.pattern, datePattern: f.datePattern, repeats: f.repeats });
      const aspects = defined({ description: f.description, type: f.type, dataType: f.dataType, position: f.position, length: f.length, datePattern: f.datePattern, path: f.path, pattern: f.pattern, minLength: f.minLength, maxLength: f.maxLength, repeats: f.repeats, codelist: bindingText(f.codelist) });
      const definition = defined({ description: f.description, dataType: f.dataType, position: f.position, length: f.length, datePattern: f.datePattern, classification: f.classification });
      out.set(`${r.id}.${f.name}`, { kind: "record-field", label: f.name, help: f.description ?? "", format, codelist: bindingText(f.codelist), mandatory: f.mandatory ?? false, aspects, record: r.id, binding: f.codelist, ownCodes: f.codes?.length ? f.codes : undefined, definition });
    }
  }
  return out;
}

/** A record's least number of occurrences (`occurs` `min..max`; a record without one occurs once). */
const minOccurs = (occurs: Value | undefined) => (typeof occurs === "string" ? Number(occurs.split("..")[0]) : 1);

/**
 * Whether a field added in this version must be in every file: it is mandatory in its record, and
 * no record from its own up to the first record the old version already had may be left out. A
 * mandatory field of a new optional record (`Tiltaksgrunnlag`, `0..n`) is not mandatory for the
 * file; a mandatory field added to an existing record is, wherever that record occurs.
 */
function mandatoryForFile(e: Element, old: Map<string, Element>, now: Map<string, Element>): boolean {
  if (!e.mandatory) return false;
  const seen = new Set<string>();
  for (let record = e.kind === "record-field" ? e.record : undefined; record !== undefined && !old.has(record) && !seen.has(record); record = now.get(record)?.record) {
    seen.add(record);
    const r = now.get(record);
    if (!r || minOccurs(r.aspects.occurs) === 0) return false;
  }
  return true;
}

/**
 * Text and code are both SSB's `STRING_TYPE`: a field of that data type in both years that turns
 * from text to code (or back) gets (or loses) a list, which its codes added (removed) report.
 */
const sameStringType = (o: Element, n: Element) => o.aspects.dataType === "STRING_TYPE" && n.aspects.dataType === "STRING_TYPE" && [o.aspects.type, n.aspects.type].every((t) => t === "text" || t === "code");

/** A text aspect that differs only in its years (`… i løpet av 2022` → `… 2023`). */
const YEAR = /\b(?:19|20)\d\d\b/g;
const onlyYearsDiffer = (a: string, b: string) => a !== b && a.replace(YEAR, "‹år›") === b.replace(YEAR, "‹år›");

const SEVERITY_RANK = { INFO: 0, WARNING: 1, ERROR: 2, FATAL: 3 } as const;
const blocking = (c: Control) => c.severity === "ERROR" || c.severity === "FATAL";
const ruleText = (r: RecordConstraint) => `${r.kind} ${r.name}: ${r.selector} ${r.fields.join(" + ")}${r.refer ? ` → ${r.refer}` : ""}`;

/**
 * All changes of one form between two reporting years: fields per aspect, their codes, records,
 * schema rules and controls. `beforeSide` is the form and its registry as another registry holds
 * them (a branch's base, `kostra review`): the old side's bound codes are then read from there.
 */
export function diffForm(registry: Registry, entry: FormEntry, fromYear: number, toYear: number, beforeSide: { registry: Registry; entry: FormEntry } = { registry, entry }): Draft[] {
  const { meta } = entry;
  const base = { itemKind: "form" as const, item: meta.id, itemName: `${meta.number} ${meta.name.nb}`, workingGroup: meta.workingGroup };
  const before = versionAt(beforeSide.entry, fromYear);
  const after = versionAt(entry, toYear);
  const make = (type: ChangeType, rest: Partial<Draft>, key: string): Draft => ({ id: `form:${meta.id}:${type}:${key}`, ...base, type, year: after?.year ?? toYear, ...rest, ...classify(type) });
  if (!before && !after) return [];
  if (!before) return meta.introducedIn !== undefined && meta.introducedIn > fromYear && meta.introducedIn <= toYear ? [{ ...make("form-added", {}, ""), year: meta.introducedIn }] : [];
  if (!after) return meta.discontinuedFrom !== undefined && meta.discontinuedFrom <= toYear ? [{ ...make("form-discontinued", {}, ""), year: meta.discontinuedFrom }] : [];

  const drafts: Draft[] = [];
  const old = formElements(before.data);
  const now = before === after ? old : formElements(after.data);
  // The old side's codes from the old side's registry, the new side's from the new one.
  const codesOf = (e: Element, side: "before" | "after") => (side === "before" ? fieldCodes(beforeSide.registry, e.ownCodes, e.binding, fromYear) : fieldCodes(registry, e.ownCodes, e.binding, toYear));
  const definition = (e: Element, side: "before" | "after", mandatory: boolean): CodeState => {
    const codes = codesOf(e, side)?.codes;
    return { label: e.label, ...(e.format && { format: e.format }), ...(e.codelist && { codelist: e.codelist }), mandatory, ...e.definition, ...(codes?.length && { codes: [...codes] }) };
  };

  // Elements present in both years, aspect by aspect. One version in force in both years: only a
  // bound codelist can have changed.
  for (const [id, o] of old) {
    const n = now.get(id);
    const at = { element: id, elementKind: o.kind };
    if (!n) {
      drafts.push(make("field-removed", { ...at, before: definition(o, "before", o.mandatory) }, id));
      continue;
    }
    if (before !== after) {
      for (const aspect of TEXT_ASPECTS) {
        const a = String(o.aspects[aspect] ?? "");
        const b = String(n.aspects[aspect] ?? "");
        if (a === b) continue;
        const type = onlyYearsDiffer(a, b) ? "field-year-changed" : "field-text-changed";
        const side = (v: string) => ({ ...(v && { value: v }), ...(aspect === "label" && { label: v }) });
        drafts.push(make(type, { ...at, aspect, before: side(a), after: side(b), textDiff: wordDiff(a, b) }, `${id}:${aspect}`));
      }
      for (const aspect of FORMAT_ASPECTS) {
        const a = o.aspects[aspect];
        const b = n.aspects[aspect];
        if (aspect === "type" && sameStringType(o, n)) continue;
        if (a !== b) drafts.push(make("field-format-changed", { ...at, aspect, before: a === undefined ? {} : { value: a }, after: b === undefined ? {} : { value: b } }, `${id}:${aspect}`));
      }
      if (o.aspects.occurs !== n.aspects.occurs) drafts.push(make("record-occurs-changed", { ...at, aspect: "occurs", before: { value: o.aspects.occurs ?? "1..1" }, after: { value: n.aspects.occurs ?? "1..1" } }, id));
      if (o.codelist !== n.codelist) drafts.push(make("field-codelist-changed", { ...at, aspect: "codelist", before: o.codelist ? { value: o.codelist, codelist: o.codelist } : {}, after: n.codelist ? { value: n.codelist, codelist: n.codelist } : {} }, id));
      if (o.mandatory !== n.mandatory) drafts.push(make(n.mandatory ? "field-made-mandatory" : "field-made-optional", { ...at, aspect: "mandatory", before: { mandatory: o.mandatory, value: o.mandatory }, after: { mandatory: n.mandatory, value: n.mandatory } }, id));
    }
    drafts.push(...codeChanges(id, o, n));
  }
  if (before === after) return sortDrafts(drafts);

  /** The codes a field's list gains, loses and relabels: its own list, or the bound codelist's version in force each year. */
  function codeChanges(id: string, o: Element, n: Element): Draft[] {
    const a = codesOf(o, "before");
    const b = codesOf(n, "after");
    if (!a && !b) return [];
    if (a && b && a.codes === b.codes) return [];
    const was = new Map((a?.codes ?? []).map((c) => [c.code, c.label]));
    const is = new Map((b?.codes ?? []).map((c) => [c.code, c.label]));
    // A change of the bound list takes effect when its version does; a change of the field's own list with the form version.
    const year = b?.year !== undefined && b.year > fromYear ? b.year : after!.year;
    const at = { element: id, elementKind: n.kind, year };
    // Codes from a bound codelist name it, so the codelist's proposals justify them here too.
    const from = a && !o.ownCodes?.length && o.binding ? { codelist: o.binding.codelist } : {};
    const into = b && !n.ownCodes?.length && n.binding ? { codelist: n.binding.codelist } : {};
    const out: Draft[] = [];
    for (const [code, label] of was) if (!is.has(code)) out.push(make("field-code-removed", { ...at, code, before: { label, ...from } }, `${id}:${code}`));
    for (const [code, label] of is) if (!was.has(code)) out.push(make("field-code-added", { ...at, code, after: { label, ...into } }, `${id}:${code}`));
    for (const [code, oldLabel] of was) {
      const label = is.get(code);
      if (label !== undefined && oldLabel !== label) out.push(make("field-code-relabelled", { ...at, code, before: { label: oldLabel, ...from }, after: { label, ...into }, textDiff: wordDiff(oldLabel, label) }, `${id}:${code}`));
    }
    return out;
  }

  // Elements added, each with its whole definition (its codes too, so they are not listed again one by one).
  // A record added whose parent gains the child element naming it is reported once, as the record.
  const addedRecords = new Set([...now].filter(([id, e]) => e.kind === "record" && !old.has(id)).map(([, e]) => `${e.record}.${e.label}`));
  for (const [id, n] of now) {
    if (old.has(id) || addedRecords.has(id)) continue;
    const mandatory = n.kind === "record" ? false : mandatoryForFile(n, old, now);
    drafts.push(make(mandatory ? "field-added-mandatory" : "field-added", { element: id, elementKind: n.kind, after: definition(n, "after", mandatory) }, id));
  }

  drafts.push(...ruleChanges(before.data, after.data, make));

  // A version without `controls` does not document them (unknown, not none): nothing to compare.
  if (before.data.controls === undefined || after.data.controls === undefined) return sortDrafts(drafts);
  const oldControls = new Map((before.data.controls ?? []).map((c) => [c.id, c]));
  const newControls = new Map((after.data.controls ?? []).map((c) => [c.id, c]));
  const cstate = (c: Control) => ({ label: c.message, severity: c.severity, ...(ruleOf(c) !== undefined && { when: ruleOf(c) }) });
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
    if ((ruleOf(o) ?? o.notExpressible) !== (ruleOf(n) ?? n.notExpressible)) {
      drafts.push(make("control-condition-changed", { ...at, before: { when: ruleOf(o) ?? "" }, after: { when: ruleOf(n) ?? "" }, textDiff: wordDiff(ruleOf(o) ?? o.notExpressible ?? "", ruleOf(n) ?? n.notExpressible ?? "") }, id));
    }
    if (o.message !== n.message || o.title !== n.title || o.condition !== n.condition) {
      drafts.push(make("control-text-changed", { ...at, before: { label: o.message }, after: { label: n.message }, textDiff: wordDiff(o.message, n.message) }, id));
    }
  }
  for (const [id, n] of newControls) {
    if (!oldControls.has(id)) drafts.push(make(blocking(n) ? "control-added-blocking" : "control-added-warning", { element: id, elementKind: "control", after: cstate(n) }, id));
  }
  return sortDrafts(drafts);
}

/**
 * What a control checks, as text to compare two years by: its CEL expression (with the items of its
 * `forEach`), its sum table, its duplicate key; undefined when it is described in words only.
 */
export function ruleOf(c: Control): string | undefined {
  if (c.when !== undefined) return c.forEach ? `${c.when} (for each ${c.forEach.variable} of ${JSON.stringify(c.forEach.items)})` : c.when;
  if (c.sumTable) return `sum table: ${c.sumTable.rows.map((r) => `${r.slice(0, -1).join(" + ")} = ${r[r.length - 1]}`).join("; ")}`;
  if (c.duplicates) return `duplicates of ${c.duplicates.key.join(" + ")}`;
  return undefined;
}

/** The schema rules (XSD identity constraints) declared on records, added, removed and changed; keyed `record.RuleName`. */
function ruleChanges(before: FormVersion, after: FormVersion, make: (type: ChangeType, rest: Partial<Draft>, key: string) => Draft): Draft[] {
  const rules = (v: FormVersion) => new Map((v.records ?? []).flatMap((r) => (r.constraints ?? []).map((c) => [`${r.id}.${c.name}`, c] as const)));
  const was = rules(before);
  const is = rules(after);
  const out: Draft[] = [];
  for (const [id, o] of was) {
    const n = is.get(id);
    const at = { element: id, elementKind: "schema-rule" as const };
    if (!n) out.push(make("schema-rule-removed", { ...at, before: { rule: ruleText(o) } }, id));
    else if (ruleText(o) !== ruleText(n)) out.push(make("schema-rule-changed", { ...at, before: { rule: ruleText(o) }, after: { rule: ruleText(n) } }, id));
  }
  for (const [id, n] of is) if (!was.has(id)) out.push(make("schema-rule-added", { element: id, elementKind: "schema-rule", after: { rule: ruleText(n) } }, id));
  return out;
}

const TYPE_ORDER = new Map<string, number>(["field-removed", "field-added", "field-added-mandatory"].map((t, i) => [t, i]));
/** In element order; a field's own changes before the codes of its list, codes in list order. */
function sortDrafts(drafts: Draft[]): Draft[] {
  const codeChange = (d: Draft) => (d.type.startsWith("field-code-") ? 1 : 0);
  return drafts.sort((a, b) => codeOrder(a.element ?? "", b.element ?? "") || codeChange(a) - codeChange(b) || (TYPE_ORDER.get(a.type) ?? 9) - (TYPE_ORDER.get(b.type) ?? 9) || (codeChange(a) ? 0 : a.type.localeCompare(b.type)));
}
