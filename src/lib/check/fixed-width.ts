import type { Control } from "../schema/control.ts";
import type { Record as FileRecord } from "../schema/record.ts";
import { codeListVariables, fixedWidthContext } from "../rules/context.ts";
import { DuplicateFinder } from "../rules/duplicates.ts";
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
  /** Each field with its columns and codes, worked out once rather than on every line. */
  readonly #fields: { field: FileRecord["fields"][number]; from: number; to: number; codes: CheckPlan["codes"][string] | undefined }[];
  #tooLarge = false;
  #rightLength = 0;
  #wrongLength: number[] = [];

  readonly #derived: Record<string, unknown>;
  /** The CEL variables every line shares (`fixedWidthContext` of a line, without the line); each line's context inherits them. */
  readonly #shared: Record<string, unknown>;

  constructor(private readonly plan: CheckPlan, private readonly problems: ProblemList, portal: Record<string, unknown>) {
    this.#derived = { ...codeListVariables(plan.version), ...plan.variables, ...portal };
    this.record = plan.version.records![0];
    this.#shared = fixedWidthContext(this.record.id, plan.year, { line: {} }, this.#derived);
    this.width = Math.max(...this.record.fields.map((f) => (f.position ?? 1) + (f.length ?? 0) - 1));
    this.#fields = this.record.fields.map((field) => ({ field, from: field.position!, to: field.position! + field.length! - 1, codes: plan.codes[codesKey(this.record.id, field.name)] }));
    this.#controls = new ControlRunner(plan, problems);
    this.#duplicates = this.#controls.duplicates.filter((c) => c.scope === this.record.id).map((control) => ({ control, finder: new DuplicateFinder(control.duplicates!.key) }));
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
    const values: Record<string, string> = {};
    for (const { field, from, to, codes } of this.#fields) {
      const raw = text.slice(from - 1, to);
      values[field.name] = raw;
      const fault = valueFault(field, raw, codes, true);
      if (fault) {
        this.problems.add({ severity: "ERROR", control: "002", line: number, field: field.name, position: `${from}–${to}`, found: `'${printable(field.name, raw)}'`, expected: fault.expected, message: `Korrigér felt '${field.name}', posisjon fra og med ${from} til og med ${to}: feltet ${FAULT_TEXT[fault.kind]}.` });
      }
    }
    if (this.#wrongLength.length) return;
    const scoped = this.#controls.byScope.get(this.record.id);
    if (scoped?.length) {
      // The line on top of the shared variables, as `fixedWidthContext` gives them, without copying them per line.
      const context = Object.create(this.#shared) as Record<string, unknown>;
      context[this.record.id] = values;
      context.linje = values;
      for (const control of scoped) this.#controls.run(control, context, values, { line: number });
    }
    for (const { finder } of this.#duplicates) finder.add(values, number);
    if (this.#controls.wholeFile.length && !this.#tooLarge) {
      if (this.#kept.length >= WHOLE_FILE_MAX_LINES) {
        this.#tooLarge = true;
        this.#kept.length = 0;
      } else this.#kept.push(values);
    }
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
