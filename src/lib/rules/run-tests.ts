import type { Registry } from "../model/registry.ts";
import { lookupVariables } from "./context.ts";
import { contextFor, evaluateControl, type Outcome } from "./evaluate.ts";

export interface ControlTestResult {
  form: string;
  year: number;
  control: string;
  /** Index of the control in the version's `controls`, and of the test in its `tests`. */
  controlIndex: number;
  testIndex: number;
  name: string;
  expected: "pass" | "fail";
  actual: Outcome;
  ok: boolean;
}

/** Runs every test case of every control in the registry through the evaluator. */
export function runControlTests(registry: Registry): ControlTestResult[] {
  const results: ControlTestResult[] = [];
  for (const form of registry.forms.values()) {
    for (const v of form.versions) {
      const derived = lookupVariables(v.data, (id, year) => codelistCodesAt(registry, id, year));
      (v.data.controls ?? []).forEach((control, controlIndex) => {
        (control.tests ?? []).forEach((test, testIndex) => {
          const actual = evaluateControl(control, contextFor(v.data, v.year, test.input, derived));
          results.push({ form: form.meta.id, year: v.year, control: control.id, controlIndex, testIndex, name: test.name, expected: test.expect, actual, ok: actual.outcome === test.expect });
        });
      });
    }
  }
  return results;
}

/** The codes of the codelist version that starts in `year` (a lookup's pinned version). */
export function codelistCodesAt(registry: Pick<Registry, "codelists">, id: string, year: number) {
  return registry.codelists.get(id)?.versions.find((v) => v.year === year)?.data.codes;
}
