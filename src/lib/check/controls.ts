import type { Control } from "../schema/control.ts";
import { evaluateControl } from "../rules/evaluate.ts";
import { fillMessage } from "./message.ts";
import { safe } from "./mask.ts";
import type { CheckPlan } from "./plan.ts";
import type { Problem, ProblemList } from "./report.ts";

/**
 * Runs a form version's controls (CEL, `src/lib/rules`) on the CEL variables the rules module builds
 * for what the file gives (`contextFor`, `fixedWidthContext`), and reports each failing control with its
 * severity and its message filled in. A control that cannot run on this input (a variable the
 * portal would send is missing, or the expression fails) is reported once, as INFO, not as the
 * file's fault.
 */
export class ControlRunner {
  readonly byScope = new Map<string, Control[]>();
  readonly wholeFile: Control[] = [];
  readonly recordIdByName: Map<string, string>;
  readonly #notRun = new Set<string>();
  /** What SSB's program fills in at run time and the plan knows, by control id (`{codeList}`). */
  readonly #values = new Map<string, Record<string, string>>();

  constructor(plan: CheckPlan, private readonly problems: ProblemList) {
    for (const control of plan.version.controls ?? []) {
      if (control.when === undefined) continue;
      // SSB's «forventet én av: {codeList}» is the field's code list: the codes valid in the year checked.
      const field = control.appliesTo?.length === 1 ? plan.codes[control.appliesTo[0]] : undefined;
      if (field && control.message.includes("{codeList}")) this.#values.set(control.id, { codeList: field.valid.join(", ") });
      if (control.scope === undefined) this.wholeFile.push(control);
      else this.byScope.set(control.scope, [...(this.byScope.get(control.scope) ?? []), control]);
    }
    this.recordIdByName = new Map((plan.version.records ?? []).map((r) => [r.name, r.id]));
  }

  /** The controls not run because they need what `kostra check` cannot give, with the reason. */
  get notRun(): number {
    return this.#notRun.size;
  }

  /** Runs one control on its CEL variables; `occurrence` fills the message's `{@Attr}`. */
  run(control: Control, context: Record<string, unknown>, occurrence: Record<string, unknown> | undefined, at: Partial<Problem>): void {
    const outcome = evaluateControl(control, context);
    if (outcome.outcome === "fail") {
      if (!this.problems.listing) return this.problems.count(control.severity, control.id);
      this.problems.add({ severity: control.severity, control: control.id, message: safe(fillMessage(control.message, { ...context, ...this.#values.get(control.id) }, occurrence, this.recordIdByName)), ...at });
    } else if (outcome.outcome === "error" && !this.#notRun.has(control.id)) {
      this.#notRun.add(control.id);
      this.problems.add({ severity: "INFO", control: control.id, message: safe(`Kontrollen ${control.id} («${control.title}») kunne ikke kjøres på denne filen: ${outcome.error}. Den trenger trolig verdier som portalen sender med filen.`), ...at });
    }
  }
}
