import { describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contentCopy, fixtureWith } from "./helpers.ts";

/** One case per error kind: the single finding its fixture must produce. */
const cases: { name: string; file: string; line: number; column?: number; field?: string; message: RegExp }[] = [
  { name: "malformed-yaml", file: "codelists/farger/2020.yaml", line: 5, column: 4, message: /malformed YAML: All sequence items must start at the same column/ },
  { name: "duplicate-key", file: "content/working-groups/wg.yaml", line: 4, column: 1, message: /malformed YAML: duplicate key/ },
  { name: "alias-bomb", file: "content/working-groups/wg.yaml", line: 1, message: /malformed YAML: Excessive alias count/ },
  { name: "malformed-mdx", file: "changes/p1.mdx", line: 19, column: 22, message: /malformed MDX/ },
  { name: "missing-front-matter", file: "content/meetings/m1.mdx", line: 1, message: /missing YAML front matter/ },
  { name: "not-utf8", file: "content/working-groups/wg.yaml", line: 1, message: /not valid UTF-8/ },
  { name: "unknown-field", file: "codelists/farger/codelist.yaml", line: 4, column: 1, field: "colour", message: /unknown field "colour"/ },
  { name: "missing-required-field", file: "codelists/farger/codelist.yaml", line: 1, field: "workingGroup", message: /missing required field/ },
  { name: "wrong-type", file: "content/working-groups/wg.yaml", line: 6, column: 11, field: "members.0.asOf", message: /expected number, received string/ },
  { name: "deprecated-without-year", file: "codelists/farger/2022.yaml", line: 7, field: "codes.0.withdrawnFrom", message: /deprecated code needs withdrawnFrom/ },
  { name: "bad-id", file: "content/working-groups/Arbeids_gruppe.yaml", line: 1, message: /unexpected file/ },
  { name: "id-mismatch", file: "codelists/farger/codelist.yaml", line: 1, column: 5, field: "id", message: /"fargar" does not match the file or folder name/ },
  { name: "unexpected-file", file: "codelists/farger/2023.yml", line: 1, message: /unexpected file/ },
  { name: "missing-codelist-metadata", file: "codelists/former/codelist.yaml", line: 1, message: /missing codelist\.yaml/ },
  { name: "duplicate-code", file: "codelists/farger/2020.yaml", line: 7, column: 11, field: "codes.2.code", message: /duplicate code "1"/ },
  { name: "unknown-parent", file: "codelists/farger/2020.yaml", line: 9, column: 13, field: "codes.2.parent", message: /parent "9" is not a code/ },
  { name: "unknown-correspondence-code", file: "codelists/farger/2022.yaml", line: 4, column: 12, field: "correspondences.0.from.0", message: /"7" is not a code of the previous version/ },
  { name: "overlapping-versions", file: "codelists/farger/2020.yaml", line: 2, column: 10, field: "validTo", message: /overlaps version 2022/ },
  { name: "unknown-working-group", file: "content/forms/f1/form.yaml", line: 5, column: 15, field: "workingGroup", message: /unknown working group "barnevern"/ },
  { name: "unknown-meeting", file: "changes/p1.mdx", line: 9, column: 14, field: "history.0.meeting", message: /unknown meeting "m9"/ },
  { name: "unknown-code-in-proposal", file: "changes/p1.mdx", line: 14, column: 30, field: "changes.0.codes.3", message: /unknown code .* "5"/ },
  { name: "unknown-codelist-in-form", file: "content/forms/f1/2020.yaml", line: 9, field: "sections.0.fields.0.codelist.codelist", message: /unknown codelist "fager"/ },
  { name: "codelist-version-before-first", file: "content/forms/f1/2020.yaml", line: 9, field: "sections.0.fields.0.codelist.year", message: /unknown version of farger for year "2019"/ },
  // File-extract record fields are checked like questionnaire fields: codelist bindings, record and field names.
  { name: "unknown-codelist-in-record", file: "content/forms/x9/2020.yaml", line: 7, column: 78, field: "records.0.fields.1.codelist.codelist", message: /unknown codelist "finnes-ikke"/ },
  { name: "record-codelist-version-missing", file: "content/forms/x9/2020.yaml", line: 11, column: 45, field: "records.0.fields.1.codelist.year", message: /unknown version of farger for year "2021"/ },
  { name: "unknown-record-field-in-control", file: "content/forms/x9/2020.yaml", line: 15, column: 26, field: "controls.0.appliesTo.1", message: /unknown section, field or table "linje.C"/ },
  { name: "unknown-control-scope", file: "content/forms/x9/2020.yaml", line: 13, column: 12, field: "controls.0.scope", message: /unknown record "melding"/ },
  // An XML schema's identity rules must name a nested record, its fields, and (keyref) a key of the version.
  { name: "constraint-unknown-selector", file: "content/forms/x9/2020.yaml", line: 6, column: 58, field: "records.0.constraints.0.selector", message: /"Meldinger" is not a record nested in Individ/ },
  { name: "constraint-unknown-field", file: "content/forms/x9/2020.yaml", line: 6, column: 78, field: "records.0.constraints.0.fields.0", message: /"@Nummer" is not a field of Melding/ },
  { name: "constraint-unknown-key", file: "content/forms/x9/2020.yaml", line: 7, column: 88, field: "records.0.constraints.1.refer", message: /unknown key "MeldingIdKey"/ },
  { name: "unknown-parent-record", file: "content/forms/x9/2020.yaml", line: 9, column: 13, field: "records.1.parent", message: /unknown parent record "linjer"/ },
  { name: "unknown-record-field-in-proposal", file: "changes/p1.mdx", line: 17, column: 23, field: "changes.1.fields.1", message: /unknown field of form x9 .* "linje.C"/ },
  { name: "fixed-width-overlap", file: "content/forms/x9/2020.yaml", line: 7, column: 42, field: "records.0.fields.1.position", message: /position 4 overlaps the field before/ },
  { name: "record-datatype-mismatch", file: "content/forms/x9/2020.yaml", line: 7, column: 42, field: "records.0.fields.1.dataType", message: /data type INTEGER_TYPE does not fit type text/ },
  { name: "proposal-guide-id", file: "changes/slik-foreslar-du.mdx", line: 2, column: 5, field: "id", message: /is the address of the page/ },
  { name: "record-classification-script", file: "content/forms/x9/2020.yaml", line: 7, column: 72, field: "records.0.fields.1.classification", message: /must be a web address/ },
  { name: "record-date-pattern", file: "content/forms/x9/2020.yaml", line: 7, column: 66, field: "records.0.fields.1.datePattern", message: /date pattern "YYYY-MM-DD" is not in SSB's notation/ },
  { name: "record-duplicate-field-code", file: "content/forms/x9/2020.yaml", line: 12, column: 21, field: "records.0.fields.0.codes.1.code", message: /duplicate code "1"/ },
  { name: "fixed-width-gap", file: "content/forms/x9/2020.yaml", line: 7, column: 42, field: "records.0.fields.1.position", message: /gap: position 7 leaves columns 5–6 undefined/ },
  { name: "invalid-cel", file: "content/forms/f1/2020.yaml", line: 16, field: "controls.0.when", message: /invalid CEL expression/ },
  { name: "control-test-wrong", file: "content/forms/f1/2020.yaml", line: 19, field: "controls.0.tests.1.expect", message: /test "utfylt" of control k1 gave fail/ },
  { name: "control-without-fail-test", file: "content/forms/f1/2020.yaml", line: 18, field: "controls.0.tests", message: /both passing and failing/ },
  { name: "unknown-applies-to", file: "content/forms/f1/2020.yaml", line: 16, field: "controls.0.appliesTo.0", message: /unknown section, field or table "fargen"/ },
  { name: "illegal-transition", file: "changes/p1.mdx", line: 10, column: 13, field: "history.1.status", message: /illegal transition from fremmet to gjennomført/ },
  { name: "status-without-citation", file: "changes/p1.mdx", line: 10, field: "history.1", message: /cites neither a meeting nor a decision/ },
  { name: "unknown-follow-up", file: "content/meetings/m1.mdx", line: 11, field: "agenda.0.followUps.0.action", message: /unknown action item "m0#noe"/ },
];

describe("validate: one fixture per error kind", () => {
  it("accepts the base fixture", async () => {
    const result = await validateContent(fixtureWith());
    expect(result.findings).toEqual([]);
    expect(result.files).toBe(8);
  });

  for (const c of cases) {
    it(`reports ${c.name} at ${c.file}:${c.line}`, async () => {
      const result = await validateContent(fixtureWith(c.name));
      expect(result.errors).toBeGreaterThan(0);
      const finding = result.findings.find((f) => f.file === c.file && c.message.test(f.message));
      expect(finding, JSON.stringify(result.findings, null, 2)).toBeDefined();
      expect(finding!.line).toBe(c.line);
      if (c.column !== undefined) expect(finding!.column).toBe(c.column);
      if (c.field !== undefined) expect(finding!.field).toBe(c.field);
      // Nothing else is reported in another file: no cascades from a broken file.
      expect(result.findings.filter((f) => f.file !== c.file)).toEqual([]);
    });
  }

  it("reports a version that reaches back before its own year as out of order", async () => {
    const result = await validateContent(fixtureWith("out-of-order-versions"));
    const f = result.findings.find((x) => x.field === "validTo");
    expect(f).toMatchObject({ file: "codelists/farger/2022.yaml", line: 2, column: 10 });
    expect(f!.message).toMatch(/out of order/);
  });

  it("reports a version that starts after the codelist is discontinued", async () => {
    const result = await validateContent(fixtureWith("version-after-discontinued"));
    expect(result.findings.map((f) => f.message)).toContain("version 2022 starts after the codelist is discontinued (discontinuedFrom: 2021)");
  });

  it("reports a parent cycle on every code in it", async () => {
    const result = await validateContent(fixtureWith("parent-cycle"));
    expect(result.findings.map((f) => `${f.line}:${f.field}`)).toEqual(["5:codes.0.parent", "8:codes.1.parent"]);
  });

  it("fails a real 15F record field bound to a codelist that does not exist, at its file:line:column", async () => {
    const root = contentCopy();
    const file = join(root, "content/forms/15f/2024.yaml");
    const lines = readFileSync(file, "utf8").split("\n");
    const line = lines.findIndex((l) => l.includes("codelist: { codelist: avslutta-3112 }"));
    expect(line).toBeGreaterThan(0);
    lines[line] = lines[line].replace("codelist: { codelist: avslutta-3112 }", "codelist: { codelist: finnes-ikke }");
    writeFileSync(file, lines.join("\n"));
    const result = await validateContent(root);
    const finding = result.findings.find((f) => f.message === 'unknown codelist "finnes-ikke"');
    expect(finding).toMatchObject({ severity: "error", file: "content/forms/15f/2024.yaml", line: line + 1, column: lines[line].indexOf("finnes-ikke") + 1 });
    expect(finding!.field).toMatch(/^records\.\d+\.fields\.\d+\.codelist\.codelist$/);
  });

  it("fails a sum table naming a field the record lacks, a value for no placeholder, and a pinned message the control does not give", async () => {
    const root = contentCopy();
    const file = join(root, "content/forms/55f/2026.yaml");
    const text = readFileSync(file, "utf8");
    const edited = text
      .replace('- [ "FORHOLD_MEKLER", "FORHOLD_KLIENT", "FORHOLD_TOT" ]', '- [ "FORHOLD_MEKLER", "FORHOLD_KLIENTEN", "FORHOLD_TOT" ]')
      .replace("      fylkeList: '", "      fylkesliste: '")
      .replace("av følgende liste ([(BARN_DELT, 1), (BARN_IKKE_DELT, 0)])", "av følgende liste ([(BARN_DELT, 1)])");
    expect(edited.split("\n").filter((l, i) => l !== text.split("\n")[i])).toHaveLength(3);
    writeFileSync(file, edited);
    const found = (await validateContent(root)).findings.filter((f) => f.file === "content/forms/55f/2026.yaml" && f.severity === "error");
    expect(found.map((f) => f.message)).toEqual([
      "the message has no placeholder {fylkesliste}",
      expect.stringMatching(/^unknown field "FORHOLD_KLIENTEN" of record 55f/),
      expect.stringMatching(/^test "invalid numbers" of control 017 gave 1 message\(s\); message 1: «Summen \(BARN_TOT\) med verdi \(4\) er ulik summen \(1\) av følgende liste \(\[\(BARN_DELT, 1\), \(BARN_IKKE_DELT, 0\)\]\)»$/),
    ]);
    expect(found.map((f) => f.field)).toEqual(["controls.0.values.fylkesliste", expect.stringMatching(/^controls\.\d+\.sumTable\.rows\.0\.1$/), expect.stringMatching(/^controls\.\d+\.tests\.1\.messages\.0$/)]);
  });

  it("gives every finding what was expected", async () => {
    for (const c of cases) {
      const result = await validateContent(fixtureWith(c.name));
      for (const f of result.findings) expect(f.expected ?? "", `${c.name}: ${f.message}`).not.toBe("");
    }
  });
});
