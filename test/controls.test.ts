import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { runControlTests, type ControlTestResult } from "../src/lib/rules/run-tests.ts";
import { evaluateControl, contextFor, runControl } from "../src/lib/rules/evaluate.ts";
import { expressionError } from "../src/lib/rules/environment.ts";
import { intOrZero } from "../src/lib/rules/kotlin-values.ts";
import { sumChecks } from "../src/lib/rules/sum-table.ts";
import { controlMessages } from "../src/lib/check/controls.ts";
import { Control as ControlSchema } from "../src/lib/schema/control.ts";
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
    const expressed = (c: Control) => c.when !== undefined || c.sumTable !== undefined || c.duplicates !== undefined;
    for (const { form, year, c } of controls.filter((x) => expressed(x.c))) {
      const outcomes = new Set(c.tests?.map((t) => t.expect));
      expect([...outcomes].sort(), `${form} ${year} ${c.id}`).toEqual(["fail", "pass"]);
    }
    for (const { c } of controls.filter((x) => !expressed(x.c))) expect(c.notExpressible).toBeTruthy();
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

describe("SSB's run-time values", () => {
  const base = { id: "t", title: "t", severity: "WARNING" as const, condition: "t" };

  it("checks a sum table's rows, then its columns, in SSB's order; one row alone is only a row", () => {
    expect(sumChecks([["A", "B", "S"], ["C", "D", "T"], ["E", "F", "U"]]).map((x) => `${x.items.join("+")}=${x.sum}`)).toEqual(["A+B=S", "C+D=T", "E+F=U", "A+C=E", "B+D=F", "S+T=U"]);
    expect(sumChecks([["A", "B", "S"]]).map((x) => x.sum)).toEqual(["S"]);
  });

  it("reports one problem per row or column of a sum table that does not add up, filled as SSB writes it", () => {
    const control: Control = { ...base, scope: "r", message: "Summen ({sumItem.first}) med verdi ({sumItem.second}) er ulik summen ({itemListSum}) av følgende liste ({itemList})", sumTable: { rows: [["A", "B", "S"], ["C", "D", "T"], ["E", "F", "U"]] } };
    const linje = { A: "1", B: "  ", S: "1", C: " 2", D: "x", T: "3", E: "3", F: "", U: "4" };
    // Rows C+D=T and E+F=U fail; the columns (A+C=E, B+D=F, S+T=U) add up.
    expect(controlMessages({}, control, { linje })).toEqual({
      messages: ["Summen (T) med verdi (3) er ulik summen (2) av følgende liste ([(C, 2), (D, 0)])", "Summen (U) med verdi (4) er ulik summen (3) av følgende liste ([(E, 3), (F, 0)])"],
    });
    expect(controlMessages({}, control, { linje: { ...linje, A: "2" } })).toMatchObject({ messages: expect.arrayContaining(["Summen (S) med verdi (1) er ulik summen (2) av følgende liste ([(A, 2), (B, 0)])", "Summen (E) med verdi (3) er ulik summen (4) av følgende liste ([(A, 2), (C, 2)])"]) });
    expect(runControl(control, { linje: { ...linje, T: "2", U: "3" } })).toEqual({ outcome: "pass" });
    expect(runControl(control, { linje: { A: "1" } })).toMatchObject({ outcome: "error" });
  });

  it("reports each group of duplicates once, in the order of its first line, with its size and key", () => {
    const control: Control = { ...base, scope: "r", message: "{group.size} stk: '{K}' - '{J}'", duplicates: { key: ["K", "J"] } };
    const linjer = [{ K: "1", J: "a" }, { K: "1", J: "b" }, { K: "2", J: "a" }, { K: "1", J: "b" }, { K: "2", J: "a" }, { K: "1", J: "b" }];
    expect(runControl(control, { linjer })).toEqual({ outcome: "fail", problems: [{ lines: [1, 3, 5], values: { K: "1", J: "b", "group.size": "3" } }, { lines: [2, 4], values: { K: "2", J: "a", "group.size": "2" } }] });
    expect(controlMessages({}, control, { linjer })).toEqual({ messages: ["3 stk: '1' - 'b'", "2 stk: '2' - 'a'"] });
    expect(runControl(control, { linjer: linjer.slice(0, 3) })).toEqual({ outcome: "pass" });
  });

  it("evaluates forEach per item and fills values from the item and the record", () => {
    const control: Control = {
      ...base,
      scope: "r",
      message: "({mapping.title}) ({it[mapping.count]})",
      forEach: { variable: "mapping", items: [{ title: "Partner", flag: "P", count: "NP" }, { title: "Barn", flag: "B", count: "NB" }] },
      when: 'linje[mapping.flag] == "1" && intOrZero(linje[mapping.count]) == 0',
      values: { "mapping.title": "mapping.title", "it[mapping.count]": "linje[mapping.count]" },
    };
    expect(controlMessages({}, control, { linje: { P: "1", NP: " ", B: "1", NB: "x" } })).toEqual({ messages: ["(Partner) ( )", "(Barn) (x)"] });
    expect(controlMessages({}, control, { linje: { P: "1", NP: " 2", B: " ", NB: "" } })).toEqual({ messages: [] });
    // The item is in the variables only while it is evaluated.
    const variables: Record<string, unknown> = { linje: { P: "1", NP: " ", B: " ", NB: "" }, mapping: "before" };
    expect(runControl(control, variables)).toMatchObject({ outcome: "fail" });
    expect(variables.mapping).toBe("before");
  });

  it("gives an error, not a message, when a value is not text or a number", () => {
    const control: Control = { ...base, message: "{x}", when: "true", values: { x: "[1, 2]" } };
    expect(controlMessages({}, control, {})).toMatchObject({ error: expect.stringMatching(/not text or a number/) });
  });

  it("accepts exactly one of when, sumTable, duplicates or notExpressible, and the new forms only where they make sense", () => {
    const ok = (c: object) => ControlSchema.safeParse({ ...base, message: "m", ...c }).success;
    expect(ok({ scope: "r", sumTable: { rows: [["A", "S"]] } })).toBe(true);
    expect(ok({ sumTable: { rows: [["A", "S"]] } })).toBe(false);
    expect(ok({ scope: "r", sumTable: { rows: [["A", "S"], ["B", "C", "T"]] } })).toBe(false);
    expect(ok({ scope: "r", when: "true", sumTable: { rows: [["A", "S"]] } })).toBe(false);
    expect(ok({ scope: "r", duplicates: { key: ["K"] } })).toBe(true);
    expect(ok({ scope: "r", duplicates: { key: ["K"] }, values: { x: "1" } })).toBe(false);
    expect(ok({ notExpressible: "x", forEach: { variable: "m", items: [{ a: "1" }] } })).toBe(false);
    expect(ok({ when: "true", tests: [{ name: "n", input: {}, expect: "pass", messages: ["m"] }] })).toBe(false);
  });
});
