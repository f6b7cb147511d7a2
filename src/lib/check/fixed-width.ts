import type { Control } from "../schema/control.ts";
import type { Record as FileRecord } from "../schema/record.ts";
import { codeListVariables, fixedWidthContext } from "../rules/context.ts";
import { DuplicateFinder } from "../rules/duplicates.ts";
import type { LineSource } from "../rules/memo.ts";
import { ControlRunner } from "./controls.ts";
import { valueFault } from "./field-value.ts";
import { printable } from "./mask.ts";
import { codesKey, type CheckPlan } from "./plan.ts";
import type { ProblemList } from "./report.ts";

/**
 * Most lines the whole-file controls run on; beyond it they are not run (said as INFO). They see the
 * list of all lines, and a duplicate check written in CEL compares every line with every other:
 * 69,000 lines of 52AF took over 4 minutes and 700 MB (docs/performance.md, «kostra check»).
 */
export const WHOLE_FILE_MAX_LINES = 20_000;

/**
 * Most texts kept per field as found without fault (a field's codes, the dates of a year …); a
 * value not among them is checked (`valueFault`). A longer text is kept as a copy: a slice would
 * keep the chunk of the file it was read from.
 */
const VALID_KEPT = 1024;

const FAULT_TEXT = {
  mandatory: "mangler obligatorisk verdi",
  integer: "er et tallfelt, men inneholder noe annet enn et heltall",
  date: "er et datofelt, men inneholder ikke en gyldig dato",
  code: "har en kode som ikke fins i kodelisten",
  withdrawn: "har en kode som er trukket tilbake",
  later: "har en kode som ikke gjelder ennå",
  pattern: "passer ikke mønsteret",
  length: "har feil lengde",
} as const;

/**
 * Checks the lines of a fixed-width extract as SSB's control program does (felles_posisjonsbaserte_
 * filvedlegg.md): control 001, every line as long as the record (a FATAL that stops the form's
 * controls); control 002, each field's mandatory value, data type, date pattern and code valid in the
 * year; then the form's controls, per line (`scope`: CEL and sum tables), on the list of all lines
 * (CEL without `scope`), and the duplicate rules, in one pass with a hash of each line's key.
 */
export class FixedWidthChecker {
  readonly record: FileRecord;
  readonly width: number;
  readonly #controls: ControlRunner;
  readonly #kept: Record<string, string>[] = [];
  readonly #duplicates: { control: Control; finder: DuplicateFinder }[];
  /**
   * Each field with its columns and codes, worked out once rather than on every line, and the texts
   * (as the columns hold them) found without fault so far: a value seen before needs no check again.
   */
  readonly #fields: { field: FileRecord["fields"][number]; name: string; from: number; to: number; codes: CheckPlan["codes"][string] | undefined; valid: Set<string> }[];
  #tooLarge = false;
  #rightLength = 0;
  #wrongLength: number[] = [];

  readonly #derived: Record<string, unknown>;
  /** The CEL variables every line shares (`fixedWidthContext` of a line, without the line). */
  readonly #shared: Record<string, unknown>;
  /** The line checked: its columns' texts, in the order of the fields. */
  #row: string[] = [];
  /** The line checked and each field's columns, as the controls' memo reads them (`LineSource`). */
  readonly #line: LineSource & { text: string };
  /** The line's fields by name (CEL's `linje`), made from the row when first read. */
  #values: Record<string, string> | undefined;
  readonly #lineValues = (): Record<string, string> => (this.#values ??= this.#valuesOf(this.#row));
  /**
   * The CEL variables of the line checked, as `fixedWidthContext` gives them: the shared ones, and
   * the line as `linje` and `<record id>`, made when a control reads it (one object for every line).
   */
  readonly #context: Record<string, unknown>;
  readonly #contextPerLine: boolean;
  /** Where each key field of a duplicate rule is in the row (undefined when the record lacks one: the rule then fails as before). */
  readonly #duplicateSlots: (number[] | undefined)[];

  constructor(private readonly plan: CheckPlan, private readonly problems: ProblemList, portal: Record<string, unknown>) {
    this.#derived = { ...codeListVariables(plan.version), ...plan.variables, ...portal };
    this.record = plan.version.records![0];
    this.#shared = fixedWidthContext(this.record.id, plan.year, { line: {} }, this.#derived);
    this.width = Math.max(...this.record.fields.map((f) => (f.position ?? 1) + (f.length ?? 0) - 1));
    this.#fields = this.record.fields.map((field) => ({ field, name: field.name, from: field.position!, to: field.position! + field.length! - 1, codes: plan.codes[codesKey(this.record.id, field.name)], valid: new Set<string>() }));
    // The last field of a name is the one the line's map of fields holds.
    const slots = new Map(this.record.fields.map((f, i) => [f.name, i]));
    const columns = new Map(this.#fields.map((f) => [f.name, [f.from, f.to] as const]));
    this.#line = { text: "", columns: (read) => columns.get(read.field) };
    this.#context = Object.create(this.#shared) as Record<string, unknown>;
    for (const name of [this.record.id, "linje"]) Object.defineProperty(this.#context, name, { get: this.#lineValues, enumerable: true, configurable: true });
    // A `forEach` that sets the line's own variable (none does) gets a context of its own per line, as before.
    this.#contextPerLine = (plan.version.controls ?? []).some((c) => c.forEach && [this.record.id, "linje"].includes(c.forEach.variable));
    // A line is `linje` and `<record id>`; every other variable is the same on every line.
    this.#controls = new ControlRunner(plan, problems, { variables: new Set(["linje", this.record.id]), lines: this.#line });
    this.#duplicates = this.#controls.duplicates.filter((c) => c.scope === this.record.id).map((control) => ({ control, finder: new DuplicateFinder(control.duplicates!.key) }));
    this.#duplicateSlots = this.#duplicates.map(({ finder }) => (finder.key.every((k) => slots.has(k)) ? finder.key.map((k) => slots.get(k)!) : undefined));
  }

  /** Longest line kept whole; a longer one is wrong anyway. */
  get maxLineLength(): number {
    return this.width + 16;
  }

  line(number: number, text: string, length: number): void {
    if (length === 0) return;
    if (length !== this.width || /[\t\f\v\u00a0]/.test(text)) {
      this.#wrongLength.push(number);
      this.problems.add({ severity: "FATAL", control: "001", line: number, message: `Korrigér filen slik at alle records er på ${this.width} tegn, mellomrom brukes for alle blanke posisjoner og avslutter med linjeskift.`, found: length !== this.width ? `${length} tegn` : "andre blanke tegn enn mellomrom", expected: `${this.width} tegn` });
      return;
    }
    this.#rightLength++;
    const fields = this.#fields;
    const row = new Array<string>(fields.length);
    for (let i = 0; i < fields.length; i++) {
      const { field, name, from, to, codes, valid } = fields[i];
      const raw = text.slice(from - 1, to);
      row[i] = raw;
      if (valid.has(raw)) continue;
      const fault = valueFault(field, raw, codes, true);
      if (!fault) {
        if (valid.size < VALID_KEPT) valid.add(raw.length >= 13 ? (raw + " ").slice(0, -1) : raw);
        continue;
      }
      this.problems.add({ severity: "ERROR", control: "002", line: number, field: name, position: `${from}–${to}`, found: `'${printable(name, raw)}'`, expected: fault.expected, message: `Korrigér felt '${name}', posisjon fra og med ${from} til og med ${to}: feltet ${FAULT_TEXT[fault.kind]}.` });
    }
    if (this.#wrongLength.length) return;
    this.#row = row;
    this.#line.text = text;
    this.#values = undefined;
    const scoped = this.#controls.byScope.get(this.record.id);
    if (scoped?.length) {
      const at = { line: number };
      let context = this.#context;
      if (this.#contextPerLine) {
        context = Object.create(this.#shared) as Record<string, unknown>;
        context[this.record.id] = context.linje = this.#lineValues();
      }
      for (let i = 0; i < scoped.length; i++) this.#controls.run(scoped[i], context, this.#lineValues, at);
    }
    for (let d = 0; d < this.#duplicates.length; d++) {
      const slots = this.#duplicateSlots[d];
      if (slots === undefined) {
        this.#duplicates[d].finder.add(this.#lineValues(), number);
        continue;
      }
      const parts = new Array<string>(slots.length);
      for (let k = 0; k < slots.length; k++) parts[k] = row[slots[k]];
      this.#duplicates[d].finder.addKey(parts, number);
    }
    if (this.#controls.wholeFile.length && !this.#tooLarge) {
      if (this.#kept.length >= WHOLE_FILE_MAX_LINES) {
        this.#tooLarge = true;
        this.#kept.length = 0;
      } else this.#kept.push(this.#lineValues());
    }
  }

  /** A line's fields by name, from its row. */
  #valuesOf(row: readonly string[]): Record<string, string> {
    const values: Record<string, string> = {};
    for (let i = 0; i < this.#fields.length; i++) values[this.#fields[i].name] = row[i];
    return values;
  }

  end(lines: number): void {
    if (lines > 0 && this.#rightLength === 0) {
      this.problems.fatal("fil", `Ingen linje i filen har lengden ${this.width} tegn som en ${this.plan.number}-post skal ha: dette er ikke en ${this.plan.number}-fil for ${this.plan.year}.`, { expected: `linjer på ${this.width} tegn` });
      return;
    }
    if (this.#wrongLength.length) return;
    for (const { control, finder } of this.#duplicates) {
      for (const group of finder.groups()) this.#controls.report(control, [{ values: group.values }], {}, undefined, { line: group.lines[0], lines: group.lines });
    }
    if (!this.#controls.wholeFile.length) return;
    if (this.#tooLarge) {
      this.problems.add({ severity: "INFO", control: "fil", message: `Kontrollene på hele filen (${this.#controls.wholeFile.map((c) => c.id).join(", ")}) er ikke kjørt: filen har over ${WHOLE_FILE_MAX_LINES.toLocaleString("nb-NO")} linjer.` });
      return;
    }
    const context = fixedWidthContext(this.record.id, this.plan.year, { lines: this.#kept }, this.#derived);
    for (const control of this.#controls.wholeFile) this.#controls.run(control, context, undefined, {});
  }
}
