import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/lib/load/load-content.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { contextFor, evaluateControl } from "../src/lib/rules/evaluate.ts";
import { codeListVariables, fixedWidthContext, lookupVariables } from "../src/lib/rules/context.ts";
import { controlMessages } from "../src/lib/check/controls.ts";
import { codelistCodesAt } from "../src/lib/rules/run-tests.ts";
import type { Control, FormVersion } from "../src/lib/schema/index.ts";
import { REPO } from "./helpers.ts";
import { casesOfForm, FORMS, rulesOfForm, type FormId, type SsbCase } from "./ssb-kotlin-tests.ts";

/**
 * SSB's familievern rules (Kotlin, test/fixtures/reference/kontrollprogram/rules/) against their
 * transcription as controls in content/forms/{52af,52bf,53f,55f}/<year>.yaml: every rule a form's
 * `*Main.kt` runs is a control in every year, and every case SSB's unit tests pin gives SSB's verdict,
 * both as the control's own test vector and on a whole line built from the Kotlin test; where SSB's
 * test pins a message, the vector pins the filled messages, as many as SSB expects and the first
 * starting with SSB's text (SSB's `shouldStartWith`), and so does the whole line.
 */
const YEARS = [2024, 2025, 2026];
/** Rules whose fields the year's file description does not have (55F 2024 has the older layout). */
const ABSENT: Record<string, string[]> = {
  "55f/2024": ["Rule017BarnDeltatt", "Rule018BekymringsmeldingSendt", "Rule019VoldSomTema", "Rule020KontrollAvTotalsummerForMeklinger"],
};
/** The fields SSB's `familievernRecordInTest` sets on its blank test line. */
const TEST_DEFAULTS: Record<FormId, Record<string, string>> = {
  "52af": { KONTOR_NR_A: "~k~", JOURNAL_NR_A: "~journal~" },
  "52bf": { KONTOR_NR_B: "~k~", GRUPPE_NR_B: "~gruppe~" },
  "53f": { FYLKE_NR: "~~", KONTORNR: "~k~" },
  "55f": { FYLKE_NR: "~~" },
};
const ruleOf = (c: Control) => String(c.source).split("/").pop()!.replace(/\.kt$/, "");

let registry: Registry;
beforeAll(async () => {
  registry = (await loadContent(REPO)).registry;
});
const version = (form: FormId, year: number) => registry.forms.get(form)!.versions.find((v) => v.year === year)!.data;

describe.each(Object.keys(FORMS) as FormId[])("familievern form %s", (form) => {
  const cases = casesOfForm(form);

  it("has SSB's test cases to judge by", () => {
    expect(cases.length).toBeGreaterThan(10);
    expect(new Set(cases.map((c) => c.expect))).toEqual(new Set(["pass", "fail"]));
  });

  for (const year of YEARS) {
    describe(`${year}`, () => {
      it("has a control, citing its rule file, for every rule SSB's control program runs", () => {
        const controls = version(form, year).controls ?? [];
        const absent = ABSENT[`${form}/${year}`] ?? [];
        for (const rule of rulesOfForm(form)) {
          const mine = controls.filter((c) => ruleOf(c) === rule);
          if (absent.includes(rule)) expect(mine, rule).toEqual([]);
          else expect(mine.length, `${form} ${year}: no control for ${rule}`).toBeGreaterThan(0);
        }
        for (const c of controls) {
          expect(c.source).toMatch(new RegExp(`^reference/kontrollprogram/rules/main/kotlin/no/ssb/kostra/validation/rule/famvern/${FORMS[form]}/Rule\\w+\\.kt$`));
          expect(rulesOfForm(form)).toContain(ruleOf(c));
          expect(new Set(c.tests?.map((t) => t.expect))).toEqual(new Set(["pass", "fail"]));
        }
      });

      it("pins every case of SSB's unit tests as a test vector with SSB's verdict, and the evaluator agrees", () => {
        const v = version(form, year);
        const derived = lookupVariables(v, (id, y) => codelistCodesAt(registry, id, y));
        const absent = ABSENT[`${form}/${year}`] ?? [];
        let pinned = 0;
        for (const c of cases.filter((x) => !absent.includes(x.rule))) {
          const controls = (v.controls ?? []).filter((k) => ruleOf(k) === c.rule);
          for (const control of controls) {
            // 53F's rule 010 is one control per category; SSB's tests use the first category.
            const vector = control.tests?.find((t) => t.name === c.name);
            if (!vector && controls.length > 1) continue;
            expect(vector, `${form} ${year} ${control.id}: no vector «${c.name}» (${c.file})`).toBeDefined();
            expect(vector!.expect, `${form} ${year} ${control.id} «${c.name}»`).toBe(c.expect);
            expect(evaluateControl(control, contextFor(v, year, vector!.input, derived)), `${form} ${year} ${control.id} «${c.name}»`).toEqual({ outcome: c.expect });
            // The same case on a whole line, built from the Kotlin test rather than the vector.
            const line = kotlinCaseContext(form, v, year, c, control, derived);
            expect(evaluateControl(control, line), `${form} ${year} ${control.id} «${c.name}» on a whole line`).toEqual({ outcome: c.expect });
            if (c.message !== undefined) {
              const what = `${form} ${year} ${control.id} «${c.name}»`;
              expect(vector!.messages, `${what}: the vector pins no messages`).toBeDefined();
              expect(vector!.messages!.length, `${what}: as many messages as SSB's expectedSize`).toBe(c.size);
              expect(vector!.messages![0].startsWith(c.message), `${what}: «${vector!.messages![0]}» starts with SSB's «${c.message}»`).toBe(true);
              const onLine = controlMessages(v, control, line);
              expect("messages" in onLine && onLine.messages.length, `${what} on a whole line: ${JSON.stringify(onLine)}`).toBe(c.size);
              if ("messages" in onLine) expect(onLine.messages[0].startsWith(c.message), `${what} on a whole line: «${onLine.messages[0]}»`).toBe(true);
            }
            pinned++;
          }
        }
        expect(pinned).toBeGreaterThanOrEqual(cases.filter((x) => !absent.includes(x.rule)).length);
      });
    });
  }
});

/** The CEL variables for an SSB test case: its lines laid on a blank line of the year's record. */
function kotlinCaseContext(form: FormId, v: FormVersion, year: number, c: SsbCase, control: Control, derived: Record<string, unknown>) {
  const blank = Object.fromEntries(v.records![0].fields.map((f) => [f.name, " ".repeat(f.length ?? 0)]));
  const lines = c.lines.map((l) => ({ ...blank, ...TEST_DEFAULTS[form], ...l }));
  const vars = { ...codeListVariables(v), ...derived, ...(c.mapping ? { koblinger: c.mapping } : {}) };
  // A duplicate rule compares the lines of the whole file; other scoped controls read one line.
  return control.scope && !control.duplicates ? fixedWidthContext(form, year, { line: lines[0] }, vars) : fixedWidthContext(form, year, { lines }, vars);
}

describe("the pinning can fail", () => {
  it("a control whose expression is turned around contradicts SSB's verdicts", () => {
    const v = registry.forms.get("52af")!.versions.find((x) => x.year === 2025)!.data;
    const control = v.controls!.find((c) => c.id === "013")!;
    const flipped = { ...control, when: `!(${control.when})` };
    const wrong = control.tests!.filter((t) => evaluateControl(flipped, contextFor(v, 2025, t.input)).outcome === t.expect);
    expect(wrong).toEqual([]);
  });
});
