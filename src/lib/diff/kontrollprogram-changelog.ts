import { versionAt, type FormEntry, type Registry } from "../model/registry.ts";
import type { RecordField } from "../schema/index.ts";
import { fieldFromContent, isFixedWidth, toFileDescription } from "../kontrollprogram/from-content.ts";
import type { SsbField } from "../kontrollprogram/format.ts";
import type { Change } from "./change.ts";
import { fieldCodes } from "./field-codes.ts";
import { diffForm } from "./form.ts";
import { CELL_LINE_BREAK, cellText, codeSpan, linkTarget } from "./markdown-cell.ts";

type Draft = Omit<Change, "proposals" | "justified">;

/*
 * SSB's changelog layout: the markup of the control program's own changelogs
 * (kravspesifikasjon/changelog_for_*.md). Every value from the content passes through
 * markdown-cell.ts, so that a label cannot end its cell or row, forge a section or carry HTML.
 */
const CHECKMARK = "✅";
const XMARK = "❌";
const CHANGED_TO = "<br/> endret til <br/>";
const HEADER = ["| Navn | Beskrivelse | Lengde | Fra‑Til | Datatype | Obligatorisk | Dato-maske | Kodeliste |", "|------|-------------|--------|---------|----------|--------------|------------|-----------|"];

const changedTo = (a: string, b: string, changed = a !== b) => (changed ? `${cellText(a)}${CHANGED_TO}${cellText(b)}` : cellText(b));
const mandatoryChangedTo = (a: boolean, b: boolean) => (a === b ? (b ? CHECKMARK : "") : `${a ? CHECKMARK : XMARK}${CHANGED_TO}${b ? CHECKMARK : XMARK}`);
const codeLine = (c: { code: string; label: string }) => `${codeSpan(c.code)}: ${cellText(c.label)}`;
const last = (f: SsbField) => f.from + f.size - 1;

/** A field added or removed, whole: its description at most 300 characters, line breaks as `<br/>`, its codes listed. */
function wholeRow(f: SsbField): string {
  // Cut before escaping, as SSB cuts the text itself: a cut never splits an escape.
  const cut = f.description?.slice(0, 300);
  const description = cut === undefined ? "" : cut.length === 300 ? `${cellText(cut)}...` : cellText(cut);
  const codes = f.codeList.map((c) => codeLine({ code: c.code, label: c.value })).join(CELL_LINE_BREAK);
  return `| ${codeSpan(f.name)} | ${description} | ${f.size} | ${f.from}‑${last(f)} | ${cellText(f.dataType)} | ${f.mandatory ? CHECKMARK : ""} | ${cellText(f.datePattern)} | ${codes} |`;
}

/**
 * A field in both years: each aspect the diff reports as changed is «old endret til new», the others
 * their value; the code-list cell lists the codes the diff reports removed, added and relabelled.
 */
function changedRow(a: SsbField, b: SsbField, changes: Draft[]): string {
  const aspect = (name: string) => changes.some((c) => c.aspect === name);
  const description = changedTo(a.description ?? "", b.description ?? "", aspect("description"));
  const size = changedTo(String(a.size), String(b.size), aspect("length"));
  const fromTo = changedTo(`${a.from}-${last(a)}`, `${b.from}-${last(b)}`, aspect("position") || aspect("length"));
  const dataType = changedTo(a.dataType, b.dataType, aspect("dataType"));
  const mandatory = mandatoryChangedTo(a.mandatory, b.mandatory);
  const datePattern = changedTo(a.datePattern, b.datePattern, aspect("datePattern"));
  const of = (type: Change["type"]) => changes.filter((c) => c.type === type);
  const [removed, added, relabelled] = [of("field-code-removed"), of("field-code-added"), of("field-code-relabelled")];
  let codes = "";
  if (!removed.length && !added.length && !relabelled.length) codes = "Ingen endringer";
  else {
    if (a.codelistSource && b.codelistSource && a.codelistSource === b.codelistSource) codes += `[Vis endringer i Klass](${linkTarget(`${b.codelistSource}/endringer`)})<br/><br/>`;
    if (removed.length) codes += `Fjernet:<br/>${removed.map((c) => codeLine({ code: c.code!, label: c.before!.label! })).join("<br/>")}<br/><br/>`;
    if (added.length) codes += `Lagt til:<br/>${added.map((c) => codeLine({ code: c.code!, label: c.after!.label! })).join("<br/>")}<br/><br/>`;
    if (relabelled.length) codes += `Endret:<br/>${relabelled.map((c) => `${codeSpan(c.code!)} : ${cellText(c.before!.label!)}<br/>endret til ${cellText(c.after!.label!)}`).join("<br/>")}<br/>`;
  }
  return `| ${codeSpan(a.name)} | ${description} | ${size} | ${fromTo} | ${dataType} | ${mandatory} | ${datePattern} | ${codes} |`;
}

/** The record fields of a fixed-width version in SSB's form, by name, in file order. */
function fieldsOf(registry: Registry, year: number, records: { id: string; fields: RecordField[] }[]): Map<string, { id: string; field: SsbField }> {
  const bound = (f: RecordField) => fieldCodes(registry, undefined, f.codelist, year)?.codes.map((c) => ({ ...c }));
  return new Map(records.flatMap((r) => r.fields.map((f) => [f.name, { id: `${r.id}.${f.name}`, field: fieldFromContent(f, bound) }] as const)));
}

/**
 * The changes of a fixed-width file extract from one reporting year to another as SSB's control
 * program writes its changelog (`changelog_for_<form>_from_<y>_to_<y+1>.md`): a header line, then
 * `## Fjernet`, `## Lagt til` and `## Endret` tables, or `## Ingen endringer`. Which fields, aspects
 * and codes appear is the form diff's; the values are the fields' definitions in the two years.
 * Undefined when the form is not a fixed-width extract in both years.
 */
export function kontrollprogramChangelog(registry: Registry, entry: FormEntry, from: number, to: number): string | undefined {
  const before = versionAt(entry, from);
  const after = versionAt(entry, to);
  if (!before || !after || !isFixedWidth(before.data) || !isFixedWidth(after.data)) return undefined;
  const drafts = diffForm(registry, entry, from, to).filter((d) => d.elementKind === "record-field");
  const old = fieldsOf(registry, from, before.data.records ?? []);
  const now = fieldsOf(registry, to, after.data.records ?? []);
  const byElement = new Map<string, Draft[]>();
  for (const d of drafts) byElement.set(d.element!, [...(byElement.get(d.element!) ?? []), d]);

  const title = toFileDescription(entry.meta, before.data, from).title;
  const lines = [`# Endringslogg: ${cellText(title)}, fra  ${from} til ${to}`, ""];
  const has = (id: string, pred: (d: Draft) => boolean) => (byElement.get(id) ?? []).some(pred);
  const removed = [...old.values()].filter((f) => has(f.id, (d) => d.type === "field-removed"));
  const added = [...now.values()].filter((f) => has(f.id, (d) => d.type === "field-added" || d.type === "field-added-mandatory"));
  const changed = [...old.values()].filter((f) => now.has(f.field.name) && byElement.has(f.id));
  if (removed.length) lines.push("", "## Fjernet", ...HEADER, ...removed.map((f) => wholeRow(f.field)));
  if (added.length) lines.push("", "## Lagt til", ...HEADER, ...added.map((f) => wholeRow(f.field)));
  if (changed.length) lines.push("", "## Endret", ...HEADER, ...changed.map((f) => changedRow(f.field, now.get(f.field.name)!.field, byElement.get(f.id)!)));
  if (!removed.length && !added.length && !changed.length) lines.push("## Ingen endringer");
  return lines.join("\n") + "\n";
}

/** Where the export of SSB's changelog between two neighbouring years lies (`/api/v1/forms/<id>/changelog-<from>-<to>.md`). */
export const changelogUrl = (form: string, from: number, to: number) => `/api/v1/forms/${form}/changelog-${from}-${to}.md`;

/** Whether a form has SSB's changelog exported for two years: neighbours, the form fixed-width in both. */
export function hasKontrollprogramChangelog(entry: FormEntry, from: number, to: number): boolean {
  const before = versionAt(entry, from);
  const after = versionAt(entry, to);
  return to === from + 1 && before !== undefined && after !== undefined && isFixedWidth(before.data) && isFixedWidth(after.data);
}
