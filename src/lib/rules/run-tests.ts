import type { Registry } from "../model/registry.ts";
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
      (v.data.controls ?? []).forEach((control, controlIndex) => {
        (control.tests ?? []).forEach((test, testIndex) => {
          const actual = evaluateControl(control, contextFor(v.data, v.year, test.input));
          results.push({ form: form.meta.id, year: v.year, control: control.id, controlIndex, testIndex, name: test.name, expected: test.expect, actual, ok: actual.outcome === test.expect });
        });
      });
    }
  }
  return results;
}
