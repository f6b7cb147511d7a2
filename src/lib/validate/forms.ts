import type { Registry } from "../model/registry.ts";
import type { FormVersion, Record as FileRecord, RecordField, SsbDataType } from "../schema/index.ts";
import type { Finding } from "../findings/finding.ts";
import { findingAt, type SourceFile } from "../findings/source-file.ts";
import { expressionError } from "../rules/environment.ts";
import { contextFor, evaluateControl } from "../rules/evaluate.ts";
import { controlMessages } from "../check/controls.ts";

/** The ids a control's appliesTo may name: sections, fields, tables, `table.row`, records and `record.field`. */
export function elementIds(v: FormVersion): Set<string> {
  const ids = new Set<string>();
  for (const s of v.sections ?? []) {
    ids.add(s.id);
    for (const f of s.fields ?? []) ids.add(f.id);
    for (const t of s.tables ?? []) {
      ids.add(t.id);
      for (const r of t.rows) ids.add(`${t.id}.${r.id}`);
      for (const c of t.columns) ids.add(`${t.id}.${c.id}`);
    }
  }
  for (const r of v.records ?? []) {
    ids.add(r.id);
    for (const f of r.fields) ids.add(`${r.id}.${f.name}`);
  }
  return ids;
}

/** The types each of SSB's data types may stand for (`docs/forms-and-controls.md`). */
const TYPES_OF_DATA_TYPE: Record<SsbDataType, readonly RecordField["type"][]> = {
  STRING_TYPE: ["text", "code"],
  INTEGER_TYPE: ["integer"],
  DATE_TYPE: ["date"],
};

/**
 * A date pattern in SSB's notation: runs of Java DateTimeFormatter's year, month and day letters
 * (`yyyy`/`yy`/`uuuu`, `MM`, `dd`) with `-`, `.`, `/` or a space between. `YYYY` (week-based year)
 * and `DD` (day of year) are Java letters too, but wrong for a date: they are refused.
 */
const DATE_PATTERN = /^(?:yyyy|yy|uuuu|MM|dd|[-./ ])+$/;

/** A record field's own consistency: SSB's data type against its type, and its date pattern. */
function checkRecordField(f: RecordField, file: SourceFile, path: (string | number)[]): Finding[] {
  const findings: Finding[] = [];
  if (f.dataType && !TYPES_OF_DATA_TYPE[f.dataType].includes(f.type)) {
    findings.push(findingAt(file, [...path, "dataType"], `data type ${f.dataType} does not fit type ${f.type}`, `for type ${f.type}: ${Object.entries(TYPES_OF_DATA_TYPE).filter(([, types]) => types.includes(f.type)).map(([d]) => d).join(" or ") || "no dataType"}`));
  }
  if (f.datePattern !== undefined && !DATE_PATTERN.test(f.datePattern)) {
    findings.push(findingAt(file, [...path, "datePattern"], `date pattern "${f.datePattern}" is not in SSB's notation`, "Java date letters yyyy, yy, MM, dd with - . / or space between, e.g. ddMMyyyy or yyyy-MM-dd"));
  }
  return findings;
}

/** Forms: unique ids, a sound fixed-width layout, and controls that parse and pass their own tests. */
export function checkForms(registry: Registry): Finding[] {
  const findings: Finding[] = [];
  for (const form of registry.forms.values()) {
    for (const version of form.versions) {
      const file = registry.originOf(version.data);
      if (file) findings.push(...checkVersion(version.data, version.year, file, form.meta.kind));
    }
  }
  return findings;
}

function checkVersion(v: FormVersion, year: number, file: SourceFile, kind: "questionnaire" | "file-extract"): Finding[] {
  const findings: Finding[] = [];
  const err = (path: (string | number)[], message: string, expected: string) => findings.push(findingAt(file, path, message, expected));
  const unique = (values: string[], path: (i: number) => (string | number)[], what: string) => {
    const seen = new Set<string>();
    values.forEach((value, i) => {
      if (seen.has(value)) err(path(i), `duplicate ${what} "${value}"`, `each ${what} once`);
      seen.add(value);
    });
  };

  if (kind === "questionnaire" && v.records?.length) err(["records"], "a questionnaire has sections, not records", "sections, or kind: file-extract in form.yaml");
  if (kind === "file-extract" && v.sections?.length) err(["sections"], "a file extract has records, not sections", "records, or kind: questionnaire in form.yaml");

  const flat = (v.sections ?? []).flatMap((s, i) => [
    { id: s.id, path: ["sections", i, "id"] },
    ...(s.fields ?? []).map((f, j) => ({ id: f.id, path: ["sections", i, "fields", j, "id"] })),
    ...(s.tables ?? []).map((t, j) => ({ id: t.id, path: ["sections", i, "tables", j, "id"] })),
  ]);
  unique(flat.map((x) => x.id), (i) => flat[i].path, "section, field or table id");
  (v.sections ?? []).forEach((s, i) =>
    (s.tables ?? []).forEach((t, j) => {
      unique(t.rows.map((r) => r.id), (k) => ["sections", i, "tables", j, "rows", k, "id"], "row id");
      unique(t.columns.map((c) => c.id), (k) => ["sections", i, "tables", j, "columns", k, "id"], "column id");
      if (t.columns.filter((c) => c.sum).length > 1) err(["sections", i, "tables", j, "columns"], "more than one sum column", "at most one column with sum: true");
      // A row leaves out only cells the table has and that someone fills in: a sum is computed, never asked.
      const fillable = t.columns.filter((c) => !c.sum).map((c) => c.id);
      t.rows.forEach((r, k) => {
        unique(r.omit ?? [], (m) => ["sections", i, "tables", j, "rows", k, "omit", m], "omitted column");
        r.omit?.forEach((c, m) => {
          if (!fillable.includes(c)) err(["sections", i, "tables", j, "rows", k, "omit", m], `row "${r.id}" omits "${c}", which is not a column filled in`, `one of: ${fillable.join(", ")}`);
        });
        if (r.sum && r.omit) err(["sections", i, "tables", j, "rows", k, "omit"], `sum row "${r.id}" omits cells`, "omit on the rows that are filled in, not on the sum row");
      });
    }),
  );

  const records = v.records ?? [];
  unique(records.map((r) => r.id), (i) => ["records", i, "id"], "record id");
  const recordIds = new Set(records.map((r) => r.id));
  records.forEach((r, i) => {
    if (r.parent !== undefined && !recordIds.has(r.parent)) err(["records", i, "parent"], `unknown parent record "${r.parent}"`, `one of: ${[...recordIds].join(", ")}`);
    unique(r.fields.map((f) => f.name), (j) => ["records", i, "fields", j, "name"], "field name");
    r.fields.forEach((f, j) => {
      findings.push(...checkRecordField(f, file, ["records", i, "fields", j]));
      if (f.codes) unique(f.codes.map((c) => c.code), (k) => ["records", i, "fields", j, "codes", k, "code"], "code");
    });
    checkConstraints(r, records, (path, message, expected) => err(["records", i, "constraints", ...path], message, expected));
    const positioned = r.fields.filter((f) => f.position !== undefined || f.length !== undefined);
    if (positioned.length && positioned.length < r.fields.length) {
      const j = r.fields.findIndex((f) => f.position === undefined);
      err(["records", i, "fields", j], "a fixed-width record needs position and length on every field", "position and length on every field, or on none");
    } else if (positioned.length) {
      let next = 1;
      r.fields.forEach((f, j) => {
        if (f.position === undefined || f.length === undefined) return err(["records", i, "fields", j], "position without length (or length without position)", "both position and length");
        if (f.position < next) err(["records", i, "fields", j, "position"], `position ${f.position} overlaps the field before, which ends at ${next - 1}`, `position ${next}`);
        else if (f.position > next) err(["records", i, "fields", j, "position"], `gap: position ${f.position} leaves columns ${next}–${f.position - 1} undefined`, `position ${next}`);
        next = f.position + f.length;
      });
    }
  });

  const ids = elementIds(v);
  unique((v.controls ?? []).map((c) => c.id), (i) => ["controls", i, "id"], "control id");
  (v.controls ?? []).forEach((c, i) => {
    const before = findings.length;
    if (c.scope !== undefined && !recordIds.has(c.scope)) err(["controls", i, "scope"], `unknown record "${c.scope}"`, records.length ? `one of: ${[...recordIds].join(", ")}` : "no scope: questionnaire controls run on the whole form");
    c.appliesTo?.forEach((a, j) => {
      if (!ids.has(a)) err(["controls", i, "appliesTo", j], `unknown section, field or table "${a}"`, "an id of this form version (a table row as <table>.<row>, a record field as <record>.<Name>)");
    });
    const record = c.scope !== undefined ? records.find((r) => r.id === c.scope) : undefined;
    const fieldOf = (name: string, path: (string | number)[]) => {
      const f = record?.fields.find((x) => x.name === name);
      if (record && !f) err(path, `unknown field "${name}" of record ${record.id}`, `a field of ${record.id}: ${record.fields.map((x) => x.name).slice(0, 8).join(", ")} …`);
      return f;
    };
    c.sumTable?.rows.forEach((row, j) =>
      row.forEach((name, k) => {
        const f = fieldOf(name, ["controls", i, "sumTable", "rows", j, k]);
        if (f && f.type !== "integer") err(["controls", i, "sumTable", "rows", j, k], `field "${name}" is not a whole number (type ${f.type})`, "fields of type integer");
      }),
    );
    c.duplicates?.key.forEach((name, j) => fieldOf(name, ["controls", i, "duplicates", "key", j]));
    if (c.duplicates && record && !record.fields.every((f) => f.position !== undefined)) {
      err(["controls", i, "duplicates"], "duplicate rules are checked in fixed-width extracts only", "a record with position and length on its fields");
    }
    for (const [name, expression] of Object.entries(c.values ?? {})) {
      const error = expressionError(expression);
      if (error) err(["controls", i, "values", name], `invalid CEL expression: ${error}`, "a CEL expression giving the placeholder's text or number");
      if (!c.message.includes(`{${name}}`)) err(["controls", i, "values", name], `the message has no placeholder {${name}}`, "a placeholder of the message");
    }
    // A control that names what is not there is not run on its tests: one finding, not a cascade.
    if (findings.length > before || (c.when === undefined && c.sumTable === undefined && c.duplicates === undefined)) return;
    if (c.when !== undefined) {
      const parseError = expressionError(c.when);
      if (parseError) return err(["controls", i, "when"], `invalid CEL expression: ${parseError}`, "a CEL expression that is true when the message is to be shown");
    }
    const tests = c.tests ?? [];
    if (!tests.some((t) => t.expect === "pass") || !tests.some((t) => t.expect === "fail")) {
      err(["controls", i, "tests"], "a control needs test cases that show it both passing and failing", "at least one test with expect: pass and one with expect: fail");
    }
    tests.forEach((t, j) => {
      const context = contextFor(v, year, t.input);
      const actual = evaluateControl(c, context);
      if (actual.outcome !== t.expect) {
        const got = actual.outcome === "error" ? `an evaluation error (${actual.error})` : actual.outcome;
        return err(["controls", i, "tests", j, "expect"], `test "${t.name}" of control ${c.id} gave ${got}`, t.expect);
      }
      if (!t.messages) return;
      const given = controlMessages(v, c, context);
      const got = "error" in given ? [`(an evaluation error: ${given.error})`] : given.messages;
      const first = t.messages.findIndex((m, k) => got[k] !== m);
      if (first >= 0 || got.length !== t.messages.length) {
        const k = first >= 0 ? first : Math.min(got.length, t.messages.length);
        err(["controls", i, "tests", j, "messages", ...(k < t.messages.length ? [k] : [])], `test "${t.name}" of control ${c.id} gave ${got.length} message(s); message ${k + 1}: ${got[k] === undefined ? "none" : `«${got[k]}»`}`, t.messages[k] === undefined ? `${t.messages.length} message(s)` : `«${t.messages[k]}»`);
      }
    });
  });
  return findings;
}

/**
 * An identity constraint must name what the file can hold: its selector a record nested in this
 * one (by the element name the file writes), its fields that record's fields (by their path), and a
 * keyref a key or unique rule of the same version. A rule that names nothing would never refuse a
 * file, yet the diff would call it breaking.
 */
function checkConstraints(r: FileRecord, records: FileRecord[], err: (path: (string | number)[], message: string, expected: string) => void): void {
  const names = new Set(records.flatMap((x) => (x.constraints ?? []).filter((c) => c.kind !== "keyref").map((c) => c.name)));
  (r.constraints ?? []).forEach((c, k) => {
    const children = records.filter((x) => x.parent === r.id);
    const target = children.find((x) => x.name === c.selector);
    if (!target) return err([k, "selector"], `"${c.selector}" is not a record nested in ${r.name}`, children.length ? `one of: ${children.map((x) => x.name).join(", ")}` : `a record with parent: ${r.id}`);
    const paths = new Set(target.fields.map((f) => f.path ?? f.name));
    c.fields.forEach((f, j) => {
      if (!paths.has(f)) err([k, "fields", j], `"${f}" is not a field of ${target.name}`, `one of: ${[...paths].join(", ")}`);
    });
    if (c.kind === "keyref" && (c.refer === undefined || !names.has(c.refer))) err([k, "refer"], c.refer === undefined ? "a keyref names the key it refers to" : `unknown key "${c.refer}"`, names.size ? `one of: ${[...names].join(", ")}` : "a key or unique rule in this version");
  });
}

