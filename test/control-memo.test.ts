/**
 * The memo of the file check's controls (`src/lib/rules/memo.ts`): which fields a `when` reads, and
 * that a file checked with what the controls gave remembered reports what evaluating every control
 * on every line reports, however the lines' values vary (fixed-width) and where the file's single
 * records come late (XML).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/lib/load/load-content.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { checkPlan } from "../src/lib/check/plan-from-registry.ts";
import { checkFile } from "../src/lib/check/check-file.ts";
import { codesKey, type CheckPlan } from "../src/lib/check/plan.ts";
import { codeListVariables, fixedWidthContext } from "../src/lib/rules/context.ts";
import { runControl } from "../src/lib/rules/evaluate.ts";
import { ControlMemo, fieldReads } from "../src/lib/rules/memo.ts";
import type { Control } from "../src/lib/schema/control.ts";
import { chunksOf } from "./check-helpers.ts";
import { REPO } from "./helpers.ts";
import { xorshift } from "../bench/xorshift.ts";

let registry: Registry;
beforeAll(async () => {
  registry = (await loadContent(REPO)).registry;
});
const planFor = (form: string, year: number) => {
  const plan = checkPlan(registry, form, year);
  if ("problem" in plan) throw new Error(plan.problem);
  return plan;
};


const fields = (expression: string, occurrence: string[], item?: { variable: string; value: unknown }) => fieldReads(expression, new Set(occurrence), item)?.map((r) => `${r.variable}.${r.field}`);

describe("the fields a control's `when` reads", () => {
  it("reads `v.F`, `v[\"F\"]`, `has(v.F)` and `\"F\" in v` of the occurrence variables, and nothing else", () => {
    expect(fields(`linje.A == "1" && linje["B"] in ["x"] && has(linje.C) && "D" in linje && rapporteringsar > 0`, ["linje"])).toEqual(["linje.A", "linje.B", "linje.C", "linje.D"]);
    expect(fields(`individ.StartDato > melding.StartDato`, ["individ", "melding", "avgiver"])).toEqual(["individ.StartDato", "melding.StartDato"]);
  });

  it("a comprehension's variable and `cel.bind`'s are the expression's own", () => {
    expect(fields(`koblinger.exists(k, k.region == linje.R)`, ["linje"])).toEqual(["linje.R"]);
    expect(fields(`koblinger.exists(linje, linje.region == "1")`, ["linje"])).toEqual([]);
    expect(fields(`cel.bind(x, linje.A, x + linje.B) == "ab"`, ["linje"])).toEqual(["linje.A", "linje.B"]);
  });

  it("an index of the `forEach` item alone is worked out for the item; any other use of an occurrence is not remembered", () => {
    expect(fields(`linje[mapping.count] == "1"`, ["linje"], { variable: "mapping", value: { count: "SAMT_A" } })).toEqual(["linje.SAMT_A"]);
    expect(fields(`linje[mapping.count] == "1"`, ["linje"])).toBeUndefined();
    expect(fields(`linje[linje.A] == "1"`, ["linje"])).toBeUndefined();
    expect(fields(`size(linje) > 3`, ["linje"])).toBeUndefined();
    expect(fields(`linje == {}`, ["linje"])).toBeUndefined();
    expect(fields(`not valid CEL (`, ["linje"])).toBeUndefined();
  });
});

describe("a control's remembered `when`", () => {
  const control = (when: string): Control => ({ id: "x", title: "x", severity: "WARNING", condition: "x", message: "x", scope: "r", when });

  it("gives what evaluating gives, an error as the same error, for each value it has seen", () => {
    const c = control(`int(linje.A) > 2`);
    const memo = new ControlMemo(c, new Set(["linje"]));
    const outcome = (a: string | undefined) => {
      const context = { linje: a === undefined ? {} : { A: a } };
      let mine: unknown;
      try {
        mine = memo.holds(c, context, 0);
      } catch (e) {
        mine = (e as Error).message;
      }
      const evaluated = runControl(c, context, { fill: false });
      return { mine, evaluated: evaluated.outcome === "error" ? evaluated.error : evaluated.outcome === "fail" };
    };
    for (const a of ["1", "3", "x", undefined, "3", "1", "x", undefined, "03", "3 "]) {
      const { mine, evaluated } = outcome(a);
      expect(typeof mine === "string" ? mine.split("\n")[0] : mine).toEqual(evaluated);
    }
  });

  it("`forget` drops what it remembered (a variable besides the occurrence has changed)", () => {
    const c = control(`linje.A == kommunenummer`);
    const memo = new ControlMemo(c, new Set(["linje"]));
    expect(memo.holds(c, { linje: { A: "0301" }, kommunenummer: "0301" }, 0)).toBe(true);
    memo.forget();
    expect(memo.holds(c, { linje: { A: "0301" }, kommunenummer: "3401" }, 0)).toBe(false);
  });
});

/**
 * A fixed-width line of the plan's record with each field drawn at random: a code of its list (valid,
 * withdrawn or unknown), blank, a number, a date (real or not), something else; now and then the
 * value of an earlier line, so that values repeat as they do in a file.
 */
function randomLines(plan: CheckPlan, count: number, seed: number): string[] {
  const { next, pick } = xorshift(seed);
  const record = plan.version.records![0];
  const lines: string[] = [];
  const date = () => `${pick(["01", "15", "28", "31", "00", "32"])}${pick(["01", "06", "12", "13"])}${pick([String(plan.year), String(plan.year - 1), "1901", "2099"])}`;
  for (let n = 0; n < count; n++) {
    let line = "";
    for (const field of record.fields) {
      const length = field.length!;
      const earlier = lines.length && next() < 0.3 ? pick(lines).slice(field.position! - 1, field.position! - 1 + length) : undefined;
      const codes = plan.codes[codesKey(record.id, field.name)];
      let value = earlier ?? (codes && next() < 0.7 ? pick([...codes.valid, ...codes.withdrawn.map((w) => w.code), "9", "X"]) : pick(["", " ", "0", "1", "2", "5", "12", "-1", "x", date(), date()]));
      value = field.dataType === "INTEGER_TYPE" ? value.padStart(length, " ") : value.padEnd(length, " ");
      line += value.slice(0, length);
    }
    lines.push(line);
  }
  return lines;
}

/** Each scoped control's problems (and the INFO of a control that could not run) as evaluating every control on every line gives them. */
function evaluatedCounts(plan: CheckPlan, lines: string[]): Record<string, number> {
  const record = plan.version.records![0];
  const counts: Record<string, number> = {};
  const failed = new Set<string>();
  for (const line of lines) {
    const values = Object.fromEntries(record.fields.map((f) => [f.name, line.slice(f.position! - 1, f.position! - 1 + f.length!)]));
    const context = fixedWidthContext(record.id, plan.year, { line: values }, { ...codeListVariables(plan.version), ...plan.variables });
    for (const control of plan.version.controls ?? []) {
      if (control.scope !== record.id || control.duplicates || (control.when === undefined && control.sumTable === undefined)) continue;
      const outcome = runControl(control, context, { fill: false });
      if (outcome.outcome === "fail") counts[control.id] = (counts[control.id] ?? 0) + outcome.problems.length;
      if (outcome.outcome === "error" && !failed.has(control.id)) {
        failed.add(control.id);
        counts[control.id] = (counts[control.id] ?? 0) + 1;
      }
    }
  }
  return counts;
}

describe("a file checked with the controls' memo", () => {
  it.each([
    ["52af", 2026],
    ["52bf", 2026],
    ["53f", 2025],
    ["55f", 2024],
  ])("%s %i: every control's count is what evaluating each line gives", async (form, year) => {
    const plan = planFor(form, year);
    const lines = randomLines(plan, 1500, year * 31 + form.length);
    const report = await checkFile(plan, chunksOf(new TextEncoder().encode(lines.map((l) => `${l}\n`).join(""))), { maxProblems: 50 });
    const expected = evaluatedCounts(plan, lines);
    const controls = new Set((plan.version.controls ?? []).filter((c) => c.scope === plan.version.records![0].id && !c.duplicates).map((c) => c.id));
    const found = Object.fromEntries(Object.entries(report.perControl).filter(([id]) => controls.has(id)));
    expect(Object.keys(expected).length).toBeGreaterThan(3);
    expect(found).toEqual(expected);
  });

  it("15F: a file whose Avgiver comes after some Individ reports the same as one where it comes first", async () => {
    const plan = planFor("15f", 2024);
    const individ = (i: number, kommune: boolean) =>
      `<Individ Id="I${i}" StartDato="2024-01-15" Journalnummer="J${i}" Saksbehandler="S" Avslutta3112="2"${kommune ? "" : ` Bydelsnummer="01"`}>` +
      `<Melding Id="M${i}" StartDato="2024-02-01" SluttDato="2024-02-05" Konklusjon="3"/><Plan Id="P${i}" StartDato="2024-03-01" Plantype="1"/></Individ>\n`;
    const avgiver = `<Avgiver Versjon="2024" Kommunenummer="0301" Kommunenavn="Oslo" Organisasjonsnummer="944117784"/>\n`;
    const body = (at: number) => Array.from({ length: 6 }, (_, i) => (i === at ? avgiver : "") + individ(i, i % 2 === 0)).join("");
    const file = (at: number) => new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n<Barnevern>${body(at)}</Barnevern>\n`);
    const late = await checkFile(plan, chunksOf(file(3)), {});
    const first = await checkFile(plan, chunksOf(file(0)), {});
    // individ_09: Oslo (0301) and no Bydelsnummer (the even Individ). Individ 0–2 are checked before
    // the Avgiver's Kommunenummer is known (the control cannot run: one INFO), 3–5 after.
    const of = (report: typeof late) => report.problems.filter((p) => p.control === "individ_09").map((p) => `${p.severity === "INFO" ? "INFO" : "fault"} ${p.recordId}`);
    expect(of(late)).toEqual(["INFO J0", "fault J4"]);
    expect(of(first)).toEqual(["fault J0", "fault J2", "fault J4"]);
  });
});
