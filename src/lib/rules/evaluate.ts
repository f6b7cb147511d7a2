import type { Control, FormVersion } from "../schema/index.ts";
import { compileExpression } from "./environment.ts";
import { fileExtractContext, questionnaireContext } from "./context.ts";

export type Outcome = { outcome: "pass" } | { outcome: "fail" } | { outcome: "error"; error: string } | { outcome: "not-expressible" };

/** Runs one control on the CEL variables; `fail` means the control reports its message. */
export function evaluateControl(control: Control, context: Record<string, unknown>): Outcome {
  if (control.when === undefined) return { outcome: "not-expressible" };
  try {
    const value = compileExpression(control.when)(context);
    if (typeof value !== "boolean") return { outcome: "error", error: `the expression gave ${typeof value === "bigint" ? "an int" : typeof value}, not true or false` };
    return { outcome: value ? "fail" : "pass" };
  } catch (e) {
    return { outcome: "error", error: (e as Error).message.split("\n")[0] };
  }
}

/**
 * The context a form version's controls see, for one input (a test case's variables). `derived`
 * (the version's lookup variables, `lookupVariables`) comes first, so a test case may give its own.
 * A fixed-width extract's reporting year is the year unless the input gives `rapporteringsar`.
 */
export function contextFor(version: FormVersion, year: number, input: Record<string, unknown>, derived: Record<string, unknown> = {}): Record<string, unknown> {
  if (!version.records?.length) return questionnaireContext(version, year, input);
  const fixedWidth = version.records.some((r) => r.fields.some((f) => f.position !== undefined));
  return fileExtractContext({ ...(fixedWidth ? { rapporteringsar: year } : {}), ...derived, ...input });
}
