import type { Control } from "../schema/control.ts";
import type { FormVersion } from "../schema/form-version.ts";
import { runControl, type ControlProblem } from "../rules/evaluate.ts";
import { ControlMemo, type LineSource } from "../rules/memo.ts";
import { fillMessage } from "./message.ts";
import { safe } from "./mask.ts";
import type { CheckPlan } from "./plan.ts";
import type { Problem, ProblemList } from "./report.ts";

/**
 * A problem's message: the control's message with its placeholders filled from the problem's values
 * (`values`, a sum table's, a duplicate group's), the CEL variables and the record occurrence
 * (`fillMessage`), personal numbers masked.
 */
function messageOf(control: Control, problem: ControlProblem, context: Record<string, unknown>, occurrence: Record<string, unknown> | undefined, recordIdByName: ReadonlyMap<string, string>): string {
  // The problem's values over the variables (which may inherit theirs: `Object.create`), without copying them.
  const values = Object.keys(problem.values).length ? Object.assign(Object.create(context) as Record<string, unknown>, problem.values) : context;
  return safe(fillMessage(control.message, values, occurrence, recordIdByName));
}

/**
 * The messages a control reports for a test case's variables, as `kostra check` would list them:
 * the occurrence is the scope's record (`context[scope]`, or `linje` in a fixed-width test case).
 */
export function controlMessages(version: Pick<FormVersion, "records">, control: Control, context: Record<string, unknown>): { messages: string[] } | { error: string } {
  const outcome = runControl(control, context);
  if (outcome.outcome === "error") return { error: outcome.error };
  if (outcome.outcome !== "fail") return { messages: [] };
  const scoped = control.scope !== undefined && !control.duplicates ? (context[control.scope] ?? context.linje) : undefined;
  const occurrence = scoped && typeof scoped === "object" && !Array.isArray(scoped) ? (scoped as Record<string, unknown>) : undefined;
  const byName = new Map((version.records ?? []).map((r) => [r.name, r.id]));
  return { messages: outcome.problems.map((p) => messageOf(control, p, context, occurrence, byName)) };
}

/** A record occurrence, or a function that makes it when a message needs it. */
type Occurrence = Record<string, unknown> | (() => Record<string, unknown>) | undefined;

/**
 * Runs a form version's controls (`src/lib/rules`: CEL, sum tables, duplicate rules) on the CEL
 * variables the rules module builds for what the file gives (`contextFor`, `fixedWidthContext`), and
 * reports each problem a control finds with its severity and its message filled in: one per failing
 * row or column of a sum table, per item of `forEach`, per group of duplicates. A control that cannot
 * run on this input (a variable the portal would send is missing, or the expression fails) is
 * reported once, as INFO, not as the file's fault.
 *
 * `occurrences.variables` names the CEL variables that hold record occurrences (`linje`, `individ`
 * …): a control that reads them field by field remembers what its `when` gave for the fields'
 * values (`ControlMemo`, which takes them from `occurrences.lines` where the occurrence is a
 * fixed-width line), as every other variable stays the same through the file (`forget` when not).
 */
export class ControlRunner {
  readonly byScope = new Map<string, Control[]>();
  readonly wholeFile: Control[] = [];
  /** The duplicate rules, which the checker runs in one pass over the occurrences of their record. */
  readonly duplicates: Control[] = [];
  readonly recordIdByName: Map<string, string>;
  readonly #notRun = new Set<string>();
  readonly #memos = new Map<Control, ControlMemo>();

  constructor(plan: CheckPlan, private readonly problems: ProblemList, occurrences: { variables: ReadonlySet<string>; lines?: LineSource } = { variables: new Set() }) {
    for (const control of plan.version.controls ?? []) {
      if (control.duplicates) {
        this.duplicates.push(control);
        continue;
      }
      if (control.when === undefined && control.sumTable === undefined) continue;
      if (control.scope === undefined) this.wholeFile.push(control);
      else {
        this.byScope.set(control.scope, [...(this.byScope.get(control.scope) ?? []), control]);
        const remembered = control.when !== undefined && control.sumTable === undefined && occurrences.variables.size ? new ControlMemo(control, occurrences.variables, occurrences.lines) : undefined;
        if (remembered?.useful) this.#memos.set(control, remembered);
      }
    }
    this.recordIdByName = new Map((plan.version.records ?? []).map((r) => [r.name, r.id]));
  }

  /** The controls not run because they need what `kostra check` cannot give, with the reason. */
  get notRun(): number {
    return this.#notRun.size;
  }

  /**
   * Runs one control on its CEL variables; `occurrence` (or the function that makes it) fills the
   * message's `{@Attr}` and `{FIELD}`.
   */
  run(control: Control, context: Record<string, unknown>, occurrence: Occurrence, at: Partial<Problem>): void {
    const memo = this.#memos.get(control);
    if (memo !== undefined && !this.problems.listing) {
      this.#count(control, memo, context, at);
      return;
    }
    const outcome = runControl(control, context, { fill: this.problems.listing, memo });
    if (outcome.outcome === "fail") this.report(control, outcome.problems, context, occurrence, at);
    else if (outcome.outcome === "error") this.failed(control, outcome.error, at);
  }

  /**
   * `run` where the problems are only counted (none is listed any more), for a control whose `when`
   * is remembered: what `runControl` does without `fill`, without making the problems.
   */
  #count(control: Control, memo: ControlMemo, context: Record<string, unknown>, at: Partial<Problem>): void {
    let found = 0;
    try {
      if (control.forEach === undefined) {
        if (memo.holds(control, context, 0)) found = 1;
      } else {
        const { variable, items } = control.forEach;
        const before = context[variable];
        try {
          for (let i = 0; i < items.length; i++) {
            context[variable] = items[i];
            if (memo.holds(control, context, i)) found++;
          }
        } finally {
          context[variable] = before;
        }
      }
    } catch (e) {
      this.failed(control, (e as Error).message.split("\n")[0], at);
      return;
    }
    for (let i = 0; i < found; i++) this.problems.count(control.severity, control.id);
  }

  /** Forgets what the controls' `when` gave: a variable other than the occurrences has changed. */
  forget(): void {
    for (const memo of this.#memos.values()) memo.forget();
  }

  /** Reports a control's problems, each message filled from its values, the variables and the occurrence. */
  report(control: Control, found: readonly ControlProblem[], context: Record<string, unknown>, occurrence: Occurrence, at: Partial<Problem>): void {
    for (const problem of found) {
      if (!this.problems.listing) {
        this.problems.count(control.severity, control.id);
        continue;
      }
      const fields = typeof occurrence === "function" ? occurrence() : occurrence;
      this.problems.add({ severity: control.severity, control: control.id, message: messageOf(control, problem, context, fields, this.recordIdByName), ...at });
    }
  }

  /** A control that could not run on this file: said once, as INFO. */
  failed(control: Control, error: string, at: Partial<Problem>): void {
    if (this.#notRun.has(control.id)) return;
    this.#notRun.add(control.id);
    this.problems.add({ severity: "INFO", control: control.id, message: safe(`Kontrollen ${control.id} («${control.title}») kunne ikke kjøres på denne filen: ${error}. Den trenger trolig verdier som portalen sender med filen.`), ...at });
  }
}
