import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { runControlTests, type ControlTestResult } from "../src/lib/rules/run-tests.ts";
import { evaluateControl, contextFor } from "../src/lib/rules/evaluate.ts";
import { expressionError } from "../src/lib/rules/environment.ts";
import { intOrZero } from "../src/lib/rules/kotlin-values.ts";
import { withSums } from "../src/lib/rules/context.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import type { Control } from "../src/lib/schema/index.ts";

let registry: Registry;
let results: ControlTestResult[];

beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
  results = runControlTests(registry);
});

describe("every control in the registry", () => {
  it("has test cases, and every expressed control is shown both passing and failing", () => {
    const controls = [...registry.forms.values()].flatMap((f) => f.versions.flatMap((v) => (v.data.controls ?? []).map((c) => ({ form: f.meta.id, year: v.year, c }))));
    expect(controls.length).toBeGreaterThanOrEqual(6);
    for (const { form, year, c } of controls.filter((x) => x.c.when !== undefined)) {
      const outcomes = new Set(c.tests?.map((t) => t.expect));
      expect([...outcomes].sort(), `${form} ${year} ${c.id}`).toEqual(["fail", "pass"]);
    }
    for (const { c } of controls.filter((x) => x.c.when === undefined)) expect(c.notExpressible).toBeTruthy();
  });

  it("gives the expected outcome for every test case through the evaluator", () => {
    expect(results.length).toBeGreaterThan(10);
    const wrong = results.filter((r) => !r.ok).map((r) => `${r.form} ${r.year} ${r.control} "${r.name}": expected ${r.expected}, got ${JSON.stringify(r.actual)}`);
    expect(wrong).toEqual([]);
  });
});

describe("the evaluator", () => {
  const control = (when: string): Control => ({ id: "t", title: "t", severity: "ERROR", condition: "t", message: "m", when });

  it("reports the message when the expression is true", () => {
    expect(evaluateControl(control("x > 1"), { x: 2 })).toEqual({ outcome: "fail" });
    expect(evaluateControl(control("x > 1"), { x: 1 })).toEqual({ outcome: "pass" });
  });

  it("returns an error, never throws, for a non-boolean result or a missing variable", () => {
    expect(evaluateControl(control("1 + 1"), {})).toMatchObject({ outcome: "error", error: expect.stringMatching(/not true or false/) });
    expect(evaluateControl(control("missing.field == 1"), {})).toMatchObject({ outcome: "error" });
  });

  it("rejects what is not CEL, including JavaScript", () => {
    expect(expressionError("x ==")).toBeTruthy();
    expect(expressionError("(() => true)()")).toBeTruthy();
    expect(expressionError('x.exists(y, y == "a")')).toBeUndefined();
  });

  it("fills table sums with the table's rounding, as the portal does", () => {
    const table = { id: "t", title: "T", cellType: "number" as const, decimals: 1, rows: [{ id: "r", label: "R" }], columns: [{ id: "a", label: "A" }, { id: "b", label: "B" }, { id: "s", label: "S", sum: true }] };
    expect(withSums(table, { r: { a: 0.1, b: 0.2 } })).toEqual({ r: { a: 0.1, b: 0.2, s: 0.3 } });
  });

  it("derives the specification's dates from the reporting year for file extracts", () => {
    const ctx = contextFor({ source: "x", records: [{ id: "r", name: "R", fields: [{ name: "A", type: "text" }] }] }, 2024, { rapporteringsar: 2024 });
    expect(ctx).toMatchObject({ telledato: "2024-12-31", forrigeTelledato: "2023-12-31", minimumsdato: "1999-01-01", maksimumsdato: "2049-12-31", rapporteringsar: 2024n });
  });
});

describe("SSB's numbers in CEL", () => {
  const control = (when: string): Control => ({ id: "t", title: "t", severity: "WARNING", condition: "t", message: "m", when });

  it("reads a field's text as a number as SSB's fieldAsIntOrDefault does: trimmed, signed, 32-bit, else 0", () => {
    const cases: [string, number][] = [["  12 ", 12], ["+5", 5], ["-3", -3], ["007", 7], ["-0", 0], ["", 0], ["     ", 0], ["1 2", 0], ["1x", 0], ["+", 0], ["--1", 0], ["2147483647", 2147483647], ["2147483648", 0], ["-2147483648", -2147483648], ["\u00a012\u3000", 12], ["\u0663\u0661", 31], ["١٢", 12], ["\t4\n", 4]];
    for (const [text, n] of cases) expect(intOrZero(text), JSON.stringify(text)).toBe(n);
    expect(Object.is(intOrZero("-0"), -0)).toBe(false);
  });

  it("gives CEL intOrZero, and the lists extension's distinct() and sort()", () => {
    expect(evaluateControl(control('intOrZero(" 12") + intOrZero("x") == 12'), {})).toEqual({ outcome: "fail" });
    expect(evaluateControl(control('["b", "a", "b"].distinct().sort() == ["a", "b"]'), {})).toEqual({ outcome: "fail" });
  });
});
