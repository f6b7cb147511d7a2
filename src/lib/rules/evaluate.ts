import type { Control, FormVersion } from "../schema/index.ts";
import { compileExpression } from "./environment.ts";
import type { ControlMemo } from "./memo.ts";
import { codeListVariables, fileExtractContext, questionnaireContext } from "./context.ts";
import { DuplicateFinder } from "./duplicates.ts";
import { sumChecks, sumTableFailures, type SumCheck } from "./sum-table.ts";

export type Outcome = { outcome: "pass" } | { outcome: "fail" } | { outcome: "error"; error: string } | { outcome: "not-expressible" };

/**
 * One problem a control reports: what its message's run-time placeholders are filled with (the
 * control's `values`, a sum table's or a duplicate group's), by placeholder name, and for a
 * duplicate group its lines (indexes into the lines, from 0, in a test case).
 */
export interface ControlProblem {
  values: Record<string, string>;
  lines?: number[];
}

export type RunOutcome = Exclude<Outcome, { outcome: "fail" }> | { outcome: "fail"; problems: ControlProblem[] };

const sumChecksOf = new WeakMap<object, SumCheck[]>();

/** The rows and columns a sum table checks, worked out once per table. */
export function sumChecksFor(control: Control): SumCheck[] {
  const table = control.sumTable!;
  let checks = sumChecksOf.get(table);
  if (!checks) sumChecksOf.set(table, (checks = sumChecks(table.rows)));
  return checks;
}

/** A CEL value as message text: text as it is, whole numbers in digits; anything else is an error. */
function asText(name: string, value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean") return String(value);
  throw new Error(`the value of {${name}} is not text or a number`);
}

/** The control's `values`, evaluated on the variables. */
function valuesOf(control: Control, context: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, expression] of Object.entries(control.values ?? {})) out[name] = asText(name, compileExpression(expression)(context));
  return out;
}

/** Whether `when` holds on the variables: true, false, or an error thrown. */
export function whenHolds(control: Control, context: Record<string, unknown>): boolean {
  const value = compileExpression(control.when!)(context);
  if (typeof value !== "boolean") throw new Error(`the expression gave ${typeof value === "bigint" ? "an int" : typeof value}, not true or false`);
  return value;
}

/**
 * The record occurrence a scoped control reads: the variable named after its record (`context[scope]`)
 * or, in a fixed-width extract's test case, `linje` (one line) or `linjer` (all lines).
 */
function occurrenceOf(control: Control, context: Record<string, unknown>, many: boolean): unknown {
  return context[control.scope!] ?? context[many ? "linjer" : "linje"];
}

/**
 * Runs one control on the CEL variables and gives every problem it reports: one for a `when` that
 * holds, one per item of `forEach` it holds for, one per row or column of a sum table that does not
 * add up, one per group of duplicates. The file check runs duplicate rules in one pass over the
 * lines instead (`DuplicateFinder`); here they read the list of lines. Without `fill`, `values` are
 * not evaluated (the problem is only counted). With `memo` (the file check's), `when` is looked up
 * by the values of the fields it reads where they were seen before (`ControlMemo`).
 */
export function runControl(control: Control, context: Record<string, unknown>, options: { fill?: boolean; memo?: ControlMemo } = {}): RunOutcome {
  const fill = options.fill ?? true;
  const memo = options.memo;
  try {
    if (control.sumTable) {
      const occurrence = occurrenceOf(control, context, false);
      if (!occurrence || typeof occurrence !== "object") throw new Error(`no ${control.scope} occurrence to add up`);
      const problems = sumTableFailures(sumChecksFor(control), occurrence as Record<string, unknown>).map((values) => ({ values }));
      return problems.length ? { outcome: "fail", problems } : { outcome: "pass" };
    }
    if (control.duplicates) {
      const lines = occurrenceOf(control, context, true);
      if (!Array.isArray(lines)) throw new Error(`no list of ${control.scope} occurrences to compare`);
      const finder = new DuplicateFinder(control.duplicates.key);
      lines.forEach((line, i) => finder.add(line as Record<string, unknown>, i));
      const problems = finder.groups();
      return problems.length ? { outcome: "fail", problems } : { outcome: "pass" };
    }
    if (control.when === undefined) return { outcome: "not-expressible" };
    if (control.forEach) {
      const problems: ControlProblem[] = [];
      const { variable, items } = control.forEach;
      // The item in the variables while it is evaluated, then what was there before (undefined: no
      // variable): several times faster than a new object per item, and `delete` would slow every
      // later read of the variables.
      const before = context[variable];
      try {
        for (let i = 0; i < items.length; i++) {
          context[variable] = items[i];
          if (memo ? memo.holds(control, context, i) : whenHolds(control, context)) problems.push({ values: fill ? valuesOf(control, context) : {} });
        }
      } finally {
        context[variable] = before;
      }
      return problems.length ? { outcome: "fail", problems } : { outcome: "pass" };
    }
    return (memo ? memo.holds(control, context, 0) : whenHolds(control, context)) ? { outcome: "fail", problems: [{ values: fill ? valuesOf(control, context) : {} }] } : { outcome: "pass" };
  } catch (e) {
    return { outcome: "error", error: (e as Error).message.split("\n")[0] };
  }
}

/** Runs one control on the CEL variables; `fail` means the control reports its message (at least once). */
export function evaluateControl(control: Control, context: Record<string, unknown>): Outcome {
  const outcome = runControl(control, context, { fill: false });
  return outcome.outcome === "fail" ? { outcome: "fail" } : outcome;
}

/**
 * The context a form version's controls see, for one input (a test case's variables). `derived`
 * (the version's lookup variables, `lookupVariables`) comes first, so a test case may give its own.
 * A fixed-width extract's reporting year is the year unless the input gives `rapporteringsar`; a
 * file extract's fields' code lists are `kodelister` (`codeListVariables`).
 */
export function contextFor(version: FormVersion, year: number, input: Record<string, unknown>, derived: Record<string, unknown> = {}): Record<string, unknown> {
  if (!version.records?.length) return questionnaireContext(version, year, input);
  const fixedWidth = version.records.some((r) => r.fields.some((f) => f.position !== undefined));
  return fileExtractContext({ ...(fixedWidth ? { rapporteringsar: year } : {}), ...codeListVariables(version), ...derived, ...input });
}
