import { countNb, nounNb } from "../text/count-nb.ts";
import { versionAt, type FormEntry, type Registry } from "../model/registry.ts";
import type { CodelistBinding, FormVersion, Table, TableRow } from "../schema/index.ts";
import { cellAsked } from "../rules/context.ts";
import type { z } from "zod";
import { perRegistry } from "../model/per-registry.ts";
import { assumedAt, assumedLabel } from "../model/assumed.ts";

/** «versjon», «versjonene»: the versions a sentence names. */
const VERSIONS = ["versjon", "versjonene"] as const;

/** The codelist version a binding resolves to in a form's year, with its page year. */
export function resolveBinding(registry: Registry, binding: z.infer<typeof CodelistBinding>, formYear: number) {
  const list = registry.codelists.get(binding.codelist);
  if (!list) return undefined;
  const version = binding.year !== undefined ? list.versions.find((v) => v.year === binding.year) : versionAt(list, formYear);
  if (!version) return undefined;
  // Link to the form's year when that version is in force then, else to the version's own first year.
  const pageYear = versionAt(list, formYear) === version ? formYear : version.year;
  return { list, version, pageYear };
}

/**
 * What each cell of a table row is on the form page: a number to fill in, a sum computed from the
 * others, or a cell the form does not ask for (the row's `omit`), shown as «ikke spurt» with no input.
 */
export type TableCellKind = "input" | "sum" | "not-asked";
export function tableRowCells(table: Table, row: TableRow): { column: Table["columns"][number]; kind: TableCellKind }[] {
  return table.columns.map((column) => ({ column, kind: !cellAsked(row, column.id) ? "not-asked" : column.sum || row.sum ? "sum" : "input" }));
}

/** Every (form, year) page the site has. */
export function formYearPaths(registry: Registry): { id: string; year: number }[] {
  return [...registry.forms.values()].flatMap((e) => registry.yearsOf(e).map((year) => ({ id: e.meta.id, year })));
}

/** Where a field binds a codelist: the form, year and field, for "used in" lists. */
export interface CodelistUse {
  form: FormEntry;
  year: number;
  field: string;
  label: string;
}

/**
 * Every field binding a codelist, by codelist id and version year, made once per registry: each
 * codelist page asks, and scanning every form of every year per page grew with pages × forms.
 */
const usesIndex = perRegistry("codelist-uses", (registry) => {
  const index = new Map<string, CodelistUse[]>();
  for (const form of registry.forms.values()) {
    for (const year of registry.yearsOf(form)) {
      const v = versionAt(form, year)!.data;
      for (const { id, label, binding } of bindings(v)) {
        const resolved = resolveBinding(registry, binding, year);
        if (!resolved) continue;
        const key = `${binding.codelist}@${resolved.version.year}`;
        const uses = index.get(key) ?? [];
        uses.push({ form, year, field: id, label });
        index.set(key, uses);
      }
    }
  }
  return index;
});

/** The forms and fields that use a codelist version, in the years they use it. */
export function usesOfCodelistVersion(registry: Registry, codelistId: string, versionYear: number): CodelistUse[] {
  return usesIndex(registry).get(`${codelistId}@${versionYear}`) ?? [];
}

function bindings(v: FormVersion) {
  return [
    ...(v.sections ?? []).flatMap((s) => (s.fields ?? []).filter((f) => f.codelist).map((f) => ({ id: f.id, label: f.label, binding: f.codelist! }))),
    ...(v.records ?? []).flatMap((r) => r.fields.filter((f) => f.codelist).map((f) => ({ id: `${r.id}.${f.name}`, label: `${r.name}/${f.path ?? f.name}`, binding: f.codelist! }))),
  ];
}

/** Severities from the most to the least serious: the order counts and filters are shown in. */
const SEVERITY_ORDER = ["FATAL", "ERROR", "WARNING", "INFO"] as const;
type Severity = (typeof SEVERITY_ORDER)[number];

/** Norwegian words for a severity: the label on a control, and the noun in counts. */
const SEVERITY_NB: Record<Severity, { label: string; one: string; many: string; filter: string }> = {
  FATAL: { label: "Fatal (stopper all kontroll)", one: "fatal feil", many: "fatale feil", filter: "Fatale feil" },
  ERROR: { label: "Feil (hindrer innsending)", one: "feil", many: "feil", filter: "Feil" },
  WARNING: { label: "Advarsel", one: "advarsel", many: "advarsler", filter: "Advarsler" },
  INFO: { label: "Informasjon", one: "informasjonsmelding", many: "informasjonsmeldinger", filter: "Informasjon" },
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One control as the controls section shows it. */
export interface ControlView {
  id: string;
  anchor: string;
  title: string;
  severity: Severity;
  severityLabel: string;
  condition: string;
  message: string;
  scope?: string;
  /** Where the control runs, in words: «kjøres for hver 55f», «sammenligner alle 52af-recordene i filen». */
  scopeNote?: string;
  /** The CEL expression, when the control has one. */
  expression?: string;
  /** The items the expression is evaluated for, one message each (`forEach`): a table of names and values. */
  forEach?: { variable: string; columns: string[]; items: string[][] };
  /** What the message's run-time placeholders are filled with: the placeholder as written and its CEL. */
  values?: { placeholder: string; expression: string }[];
  /** A sum table: its rows of fields (the last field of each row, and the last row, the sums). */
  sumTable?: { rows: string[][]; checks: string };
  /** A duplicate rule: the fields that together must not repeat. */
  duplicates?: { key: string[] };
  /** Why the control is described in words only, when it has no expression. */
  inWordsOnly?: string;
  testCount: number;
}

/** `forEach` as a table: one column per name the items use, one row per item. */
function forEachView(forEach: NonNullable<FormVersion["controls"]>[number]["forEach"] & object): NonNullable<ControlView["forEach"]> {
  const columns = [...new Set(forEach.items.flatMap((item) => Object.keys(item)))];
  return { variable: forEach.variable, columns, items: forEach.items.map((item) => columns.map((k) => (item[k] === undefined ? "" : String(item[k])))) };
}

/** A form version's controls with their counts per severity and the filter choices. */
export interface ControlsView {
  total: number;
  /** E.g. «71 kontroller: 61 feil, 10 advarsler». */
  summary: string;
  /** How many are expressed in CEL and how many described in words. */
  expressedNote: string;
  /** The severities the controls have, most serious first, with their counts. */
  severities: { severity: Severity; count: number; text: string; filterLabel: string }[];
  controls: ControlView[];
}

/** What the controls section of a form page shows. */
export function controlsView(version: FormVersion): ControlsView {
  const controls = version.controls ?? [];
  const severities = SEVERITY_ORDER.map((severity) => ({ severity, count: controls.filter((c) => c.severity === severity).length }))
    .filter((s) => s.count > 0)
    .map((s) => ({ ...s, text: count(s.count, SEVERITY_NB[s.severity].one, SEVERITY_NB[s.severity].many), filterLabel: `${SEVERITY_NB[s.severity].filter} (${s.count})` }));
  const cel = controls.filter((c) => c.when !== undefined).length;
  const sums = controls.filter((c) => c.sumTable !== undefined).length;
  const duplicates = controls.filter((c) => c.duplicates !== undefined).length;
  const expressed = cel + sums + duplicates;
  const inWords = controls.length - expressed;
  const total = countNb(controls.length, "kontroll");
  // «… uttrykt i CEL», or with the other forms: «… uttrykt (24 i CEL, 9 som summeringstabeller, 1 som dublettkontroll)».
  const forms = [`${cel} i CEL`, sums ? `${sums} som ${nounNb(sums, "summeringstabell")}` : "", duplicates ? `${duplicates} som ${nounNb(duplicates, "dublettkontroll")}` : ""];
  const how = sums + duplicates > 0 ? ` (${forms.filter(Boolean).join(", ")})` : " i CEL";
  return {
    total: controls.length,
    summary: severities.length ? `${total}: ${severities.map((s) => s.text).join(", ")}` : total,
    expressedNote:
      `${expressed} av dem er uttrykt${how} og kjørt mot sine testtilfeller` +
      (inWords > 0 ? `; ${inWords} kan ikke uttrykkes over skjemaets data og er beskrevet med tekst.` : "."),
    severities,
    controls: controls.map((c) => ({
      id: c.id,
      anchor: `kontroll-${c.id}`,
      title: c.title,
      severity: c.severity,
      severityLabel: SEVERITY_NB[c.severity].label,
      condition: c.condition,
      // The accounts' specification writes a line break in a message as Markdown's <br/>; shown as one.
      message: c.message.replace(/<br\/>\n?/g, "\n"),
      scope: c.scope,
      ...(c.scope !== undefined && { scopeNote: c.duplicates ? `sammenligner alle ${c.scope}-recordene i filen` : `kjøres for hver ${c.scope}` }),
      expression: c.when,
      ...(c.forEach && { forEach: forEachView(c.forEach) }),
      ...(c.values && { values: Object.entries(c.values).map(([name, expression]) => ({ placeholder: `{${name}}`, expression })) }),
      ...(c.sumTable && {
        sumTable: {
          rows: c.sumTable.rows,
          checks:
            c.sumTable.rows.length > 1
              ? "Hver rad og hver kolonne skal summere til sitt siste felt (blank eller ugyldig regnes som 0); kontrollen gir én melding for hver rad eller kolonne som ikke gjør det."
              : "Feltene skal summere til det siste (blank eller ugyldig regnes som 0); ellers gir kontrollen meldingen.",
        },
      }),
      ...(c.duplicates && { duplicates: { key: c.duplicates.key } }),
      inWordsOnly: c.notExpressible,
      testCount: c.tests?.length ?? 0,
    })),
  };
}

/** A link in a form page's contents list, with the links under it. */
export interface ContentsEntry {
  href: string;
  label: string;
  children?: { href: string; label: string }[];
}

/** The contents list near the top of a form page: the form or record layout, its parts, the controls and the sources. */
export function formPageContents(version: FormVersion, questionnaire: boolean): ContentsEntry[] {
  const controls = version.controls;
  const layout: ContentsEntry = questionnaire
    ? { href: "#skjemaet", label: "Skjemaet", children: (version.sections ?? []).map((s) => ({ href: `#del-${s.id}`, label: `${s.number ? `${s.number}. ` : ""}${s.title}` })) }
    : { href: "#postbeskrivelse", label: "Postbeskrivelse", children: (version.records ?? []).map((r) => ({ href: `#post-${r.id}`, label: r.name })) };
  return [
    ...(!questionnaire && version.records?.length ? [{ href: "#sjekk-en-fil", label: "Sjekk en fil" }] : []),
    layout,
    { href: "#kontroller", label: controls?.length ? `Kontroller (${controlsView(version).severities.map((s) => s.text).join(", ")})` : "Kontroller" },
    { href: "#kilder", label: "Kilder for versjonen" },
  ];
}

/** Codes shown in the table itself; a longer list folds into a `<details>`. */
export const CODES_SHOWN_OPEN = 8;

/** SSB's data types in the words of the record layout. */
const DATA_TYPE_NB: Record<string, string> = { STRING_TYPE: "tekst (STRING_TYPE)", INTEGER_TYPE: "heltall (INTEGER_TYPE)", DATE_TYPE: "dato (DATE_TYPE)" };

/** The registry's field types in words, for fields whose source gives no SSB data type (15F's XML). */
const FIELD_TYPE_NB: Record<string, string> = { number: "tall", integer: "heltall", text: "tekst", boolean: "ja/nei", date: "dato", code: "kode" };

/** A field of a record as the layout table shows it. */
export interface RecordFieldRow {
  name: string;
  anchor: string;
  /** Fixed-width: `first–last` column (`1–2`), and the width. */
  positions?: string;
  length?: number;
  path?: string;
  /** The registry's type and, where the source gives it, SSB's data type. */
  type: string;
  datePattern?: string;
  lengthOrPattern: string;
  mandatory: boolean;
  description?: string;
  /** The field's own codes, in the source's order. */
  codes: { code: string; label: string }[];
  /** Whether the codes fold into a `<details>`. */
  codesFolded: boolean;
  /** SSB's KLASS classification (`codelistSource`). */
  classification?: { url: string; label: string };
  /** A bound shared codelist, with the page of the version in force. */
  codelist?: { name: string; href?: string; id: string };
}

/** The rows of a record's layout table: everything the page prints, worked out here. */
export function recordLayoutRows(registry: Registry, record: NonNullable<FormVersion["records"]>[number], year: number, codelistHref: (id: string, year: number) => string): RecordFieldRow[] {
  return record.fields.map((f) => {
    const binding = f.codelist ? resolveBinding(registry, f.codelist, year) : undefined;
    const codes = f.codes ?? [];
    const klass = f.classification?.match(/klassifikasjoner\/(\d+)/)?.[1];
    return {
      name: f.name,
      anchor: `felt-${record.id}-${f.name}`,
      ...(f.position !== undefined && f.length !== undefined && { positions: f.length === 1 ? `${f.position}` : `${f.position}–${f.position + f.length - 1}`, length: f.length }),
      ...(f.path !== undefined && { path: f.path }),
      type: f.dataType ? `${DATA_TYPE_NB[f.dataType]}${f.type === "code" ? ", kode" : ""}` : (FIELD_TYPE_NB[f.type] ?? f.type),
      ...(f.datePattern !== undefined && { datePattern: f.datePattern }),
      lengthOrPattern: [
        f.minLength !== undefined && f.maxLength !== undefined ? (f.minLength === f.maxLength ? `${f.minLength} tegn` : `${f.minLength}–${f.maxLength} tegn`) : f.maxLength !== undefined ? `maks ${f.maxLength} tegn` : "",
        f.pattern ? `mønster ${f.pattern}` : "",
        f.repeats ? "gjentas" : "",
      ]
        .filter(Boolean)
        .join(", "),
      mandatory: f.mandatory ?? false,
      ...(f.description !== undefined && { description: f.description }),
      codes,
      codesFolded: codes.length > CODES_SHOWN_OPEN,
      ...(f.classification !== undefined && { classification: { url: f.classification, label: klass ? `KLASS ${klass}` : "KLASS" } }),
      ...(f.codelist && { codelist: { id: f.codelist.codelist, name: binding?.list.meta.name.nb ?? f.codelist.codelist, ...(binding && { href: codelistHref(binding.list.meta.id, binding.pageYear) }) } }),
    };
  });
}

/** One identity rule of an XML file extract, said in words, with the rule's name as the schema gives it. */
export interface RecordRuleText {
  name: string;
  text: string;
}

/**
 * The identity rules declared on a record (uniqueness and keys of the XML schema), in Norwegian: what
 * a file must satisfy within each occurrence of the record. Since 2024 a 15F file with two Melding
 * of the same Id in one Individ is refused; the page says so where the record is described.
 */
export function recordRuleTexts(record: NonNullable<FormVersion["records"]>[number]): RecordRuleText[] {
  const values = (fields: string[]) => fields.map((f) => f.replace(/^@/, "")).join(" + ");
  return (record.constraints ?? []).map((c) => ({
    name: c.name,
    text:
      c.kind === "unique"
        ? `${values(c.fields)} må være unik for hver ${c.selector} innenfor samme ${record.name}.`
        : c.kind === "key"
          ? `${values(c.fields)} må finnes og være unik for hver ${c.selector} innenfor samme ${record.name}.`
          : `${values(c.fields)} i hver ${c.selector} må vise til en verdi i regelen ${c.refer ?? ""}.`,
  }));
}

/** How often a record occurs in its parent (`min..max`, `n` unbounded), in words. */
export function occursText(occurs: string): string {
  const [min, max] = occurs.split("..");
  if (min === max) return min === "1" ? "nøyaktig 1 gang" : `nøyaktig ${min} ganger`;
  if (max === "n") return min === "0" ? "0 eller flere ganger" : min === "1" ? "minst 1 gang" : `minst ${min} ganger`;
  if (min === "0") return `høyst ${max} ${max === "1" ? "gang" : "ganger"}`;
  return `${min}–${max} ganger`;
}

/**
 * What a form's page for `year` says when no source covers that year: the version shown is the
 * last one the sources give, kept in force by assumption (`confirmedTo` on the version).
 */
export function assumedNotice(registry: Registry, form: FormEntry, year: number): string | undefined {
  const span = assumedAt(registry, form, year);
  if (!span) return undefined;
  const label = assumedLabel(span);
  return `${label[0].toUpperCase()}${label.slice(1)}. Registeret viser versjonen fra ${span.from} også for ${year}, men ingen kilde bekrefter at den gjelder for ${year}.`;
}

/** One version of a form as the form's page lists it. */
export interface FormVersionRow {
  year: number;
  href: string;
  /** «gjelder 2024–2026», where the version is in force more than one year. */
  applies?: string;
  /** «89 kontroller», or that the registry has none for this version. */
  controls: string;
  hasControls: boolean;
}

/** A form's versions, and which of them have controls in the registry and why the others have none. */
export interface FormVersionsView {
  versions: FormVersionRow[];
  /** Said above the list when some versions have no controls: which have, and why the others have none. */
  controlsNote?: string;
}

export function formVersionsView(registry: Registry, form: FormEntry, href: (year: number) => string): FormVersionsView {
  const years = registry.yearsOf(form);
  const versions = form.versions.map((v) => {
    const applies = years.filter((y) => versionAt(form, y) === v);
    const n = v.data.controls?.length ?? 0;
    return {
      year: v.year,
      href: href(v.year),
      ...(applies.length > 1 && { applies: `gjelder ${applies[0]}–${applies.at(-1)}` }),
      controls: n > 0 ? countNb(n, "kontroll") : "ingen kontroller i registeret",
      hasControls: n > 0,
    };
  });
  const withControls = versions.filter((v) => v.hasControls);
  const without = versions.filter((v) => !v.hasControls);
  if (without.length === 0) return { versions };
  const list = (vs: FormVersionRow[]) => vs.map((v) => v.year).join(", ");
  const controlsNote = withControls.length
    ? `Registeret har kontrollene for ${nounNb(withControls.length, VERSIONS)} ${list(withControls)}. For ${nounNb(without.length, VERSIONS)} ${list(without)} gir kildene registeret bygger på, bare felt og koder (skjemadefinisjonen), ikke kontrollprogrammets kontroller for de årene.`
    : "Kildene registeret bygger på, gir bare felt og koder for dette skjemaet, ikke kontrollprogrammet; registeret har derfor ingen kontroller for det.";
  return { versions, controlsNote };
}
