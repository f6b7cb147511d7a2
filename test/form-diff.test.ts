import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { diffRegistry } from "../src/lib/diff/index.ts";
import type { ChangeSet } from "../src/lib/diff/change.ts";
import { formatChangeSetText } from "../src/lib/diff/format-text.ts";
import { kontrollprogramChangelog } from "../src/lib/diff/kontrollprogram-changelog.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { FIXTURES } from "./helpers.ts";

let set: ChangeSet;
/** The fixture of every aspect of a file extract: XML records with schema rules and codes, and a fixed-width record. */
let aspects: ChangeSet;
let aspectsRegistry: Registry;
const in_ = (s: () => ChangeSet) => (type: string, element: string, code?: string) => {
  const found = s().changes.filter((c) => c.type === type && c.element === element && (code === undefined || c.code === code));
  expect(found, `${type} ${element} ${code ?? ""}`).toHaveLength(1);
  return found[0];
};
const one = in_(() => set);
const at = in_(() => aspects);

beforeAll(async () => {
  const result = await validateContent(join(FIXTURES, "forms"));
  expect(result.errors).toBe(0);
  set = diffRegistry(result.registry, 2020, 2021);
  const more = await validateContent(join(FIXTURES, "form-aspects"));
  expect(more.errors).toBe(0);
  aspectsRegistry = more.registry;
  aspects = diffRegistry(more.registry, 2020, 2021);
});

describe("form diffs, classed for senders and consumers", () => {
  const rules: [string, string, string, string][] = [
    ["field-added", "ny", "compatible", "compatible"],
    ["field-added", "t.herav", "compatible", "compatible"],
    ["field-added-mandatory", "ny-obligatorisk", "breaking", "compatible"],
    ["field-removed", "gammel", "breaking", "breaking"],
    ["field-text-changed", "navn", "label-only", "label-only"],
    ["field-format-changed", "antall", "breaking", "breaking"],
    ["field-format-changed", "linje.KODE", "breaking", "breaking"],
    ["field-format-changed", "linje.BELOP", "breaking", "breaking"],
    ["field-codelist-changed", "kode", "breaking", "breaking"],
    ["field-made-mandatory", "epost", "breaking", "none"],
    ["control-added-blocking", "k-ny-feil", "breaking", "compatible"],
    ["control-added-warning", "k-ny-advarsel", "compatible", "compatible"],
    ["control-removed", "k-fjernes", "compatible", "compatible"],
    ["control-made-stricter", "k-skjerpes", "breaking", "compatible"],
    ["control-condition-changed", "k-feil", "breaking", "compatible"],
    ["control-text-changed", "k-melding", "label-only", "label-only"],
    ["field-made-optional", "valgfri", "compatible", "compatible"],
    ["control-made-lenient", "k-mildere", "compatible", "compatible"],
  ];
  for (const [type, element, sender, consumer] of rules) {
    it(`${type} ${element}: ${sender} for senders, ${consumer} for consumers`, () => {
      expect(one(type, element)).toMatchObject({ sender, consumer });
    });
  }

  it("reports forms added and discontinued", () => {
    expect(set.changes.find((c) => c.item === "x2")).toMatchObject({ type: "form-added", sender: "breaking", consumer: "compatible", year: 2021 });
    expect(set.changes.find((c) => c.item === "x3")).toMatchObject({ type: "form-discontinued", sender: "compatible", consumer: "breaking", year: 2021 });
  });

  it("covers every form change type", async () => {
    const { ChangeSet: CS } = await import("../src/lib/diff/change.ts");
    const formTypes = (CS.shape.changes.element.shape.type.options as readonly string[]).filter((t) => /^(form|field|control|record|schema)-/.test(t));
    const seen = new Set<string>([...set.changes, ...aspects.changes].map((c) => c.type));
    expect(formTypes.filter((t) => !seen.has(t))).toEqual([]);
  });

  it("keeps a text that only replaces the year, as a change of its own class (none)", () => {
    expect(set.changes.filter((c) => c.element === "del-1")).toMatchObject([
      { type: "field-year-changed", aspect: "label", before: { value: "Personell per 31.12.2020" }, after: { value: "Personell per 31.12.2021" }, sender: "none", consumer: "none" },
    ]);
    expect(at("field-year-changed", "sak.Kode")).toMatchObject({ aspect: "description", before: { value: "Kode i løpet av 2020" }, after: { value: "Kode i løpet av 2021" } });
  });

  it("records what changed: one change per aspect with the old and new value, severity, condition", () => {
    expect(one("field-format-changed", "linje.KODE")).toMatchObject({ aspect: "length", before: { value: 2 }, after: { value: 3 } });
    expect(one("field-format-changed", "linje.BELOP")).toMatchObject({ aspect: "position", before: { value: 7 }, after: { value: 8 } });
    expect(one("field-format-changed", "antall")).toMatchObject({ aspect: "decimals", before: { value: 1 }, after: { value: 2 } });
    expect(one("field-text-changed", "navn")).toMatchObject({ aspect: "label", before: { value: "Navn", label: "Navn" }, after: { value: "Fullt navn", label: "Fullt navn" } });
    expect(one("field-codelist-changed", "kode")).toMatchObject({ aspect: "codelist", before: { value: "c1" }, after: { value: "c2" } });
    const dato = aspects.changes.filter((c) => c.element === "fast.DATO" && c.type === "field-format-changed");
    expect(dato.map((c) => [c.aspect, c.before?.value, c.after?.value])).toEqual([
      ["length", 6, 8],
      ["datePattern", "ddMMyy", "ddMMyyyy"],
    ]);
    expect(at("field-format-changed", "sak.Id")).toMatchObject({ aspect: "maxLength", before: { value: 30 }, after: { value: 36 } });
    expect(one("control-made-stricter", "k-skjerpes")).toMatchObject({ before: { severity: "WARNING" }, after: { severity: "ERROR" } });
    expect(one("control-condition-changed", "k-feil")).toMatchObject({ before: { when: 'field["antall"] > 10.0' }, after: { when: 'field["antall"] > 12.0' } });
  });

  it("traces form changes to the proposals that name their fields and controls", () => {
    expect(one("field-added", "t.herav").proposals).toEqual(["ny-rad"]);
    expect(one("control-added-blocking", "k-ny-feil").proposals).toEqual(["ny-rad"]);
    expect(one("field-added", "ny").justified).toBe(false);
    expect(set.notCarriedOut).toEqual([]);
  });
});

describe("a file extract's fields, codes and schema rules", () => {
  it("lists the codes a field's list gains, loses and relabels, under the form and field: a bound codelist's and its own", () => {
    expect(at("field-code-added", "sak.Kode", "3")).toMatchObject({ elementKind: "record-field", after: { label: "Tre", codelist: "k1" }, sender: "compatible", consumer: "breaking" });
    expect(at("field-code-removed", "sak.Kode", "2")).toMatchObject({ before: { label: "To", codelist: "k1" }, sender: "breaking", consumer: "compatible" });
    expect(at("field-code-relabelled", "sak.Kode", "1")).toMatchObject({ before: { label: "En" }, after: { label: "Én etter § 4-27" }, sender: "label-only" });
    // A field that gets a list for the first time: every code added.
    expect(aspects.changes.filter((c) => c.element === "fast.NR" && c.type === "field-code-added").map((c) => [c.code, c.after?.label])).toEqual([
      ["01", "En"],
      ["02", "To"],
    ]);
    expect(aspects.changes.filter((c) => c.element === "sak.Status" && c.type === "field-code-added").map((c) => c.code)).toEqual(["A", "B"]);
  });

  it("gives added and removed fields their whole definition", () => {
    expect(at("field-added-mandatory", "fast.NY").after).toEqual({ label: "NY", format: "type integer, position 11, length 4", mandatory: true, description: "Ny\nlinje", dataType: "INTEGER_TYPE", position: 11, length: 4 });
    expect(at("field-removed", "fast.BORT").before).toMatchObject({ description: "Fjernes", dataType: "INTEGER_TYPE", position: 9, length: 3, mandatory: false });
    expect(at("field-added", "vedlegg.Type").after).toMatchObject({ codes: [{ code: "X", label: "Eks" }] });
  });

  it("judges «mandatory» by the record chain: new mandatory fields of a new optional record are not mandatory for the file", () => {
    expect(at("field-added", "vedlegg.Type")).toMatchObject({ sender: "compatible", after: { mandatory: false } });
    // A mandatory field added to a record files already have is.
    expect(at("field-added-mandatory", "sak.Ny")).toMatchObject({ sender: "breaking" });
  });

  it("reports a new record once, not again as its parent's new child element", () => {
    expect(at("field-added", "vedlegg")).toMatchObject({ elementKind: "record" });
    expect(aspects.changes.filter((c) => c.element === "sak.Vedlegg")).toEqual([]);
  });

  it("diffs schema rules and occurrence limits: a new uniqueness rule is breaking for senders", () => {
    expect(at("schema-rule-added", "sak.NyUnique")).toMatchObject({ elementKind: "schema-rule", after: { rule: "unique NyUnique: Del @Nr" }, sender: "breaking" });
    expect(at("schema-rule-removed", "sak.GammelUnique")).toMatchObject({ sender: "compatible", consumer: "breaking" });
    expect(at("schema-rule-changed", "sak.EndresKey")).toMatchObject({ before: { rule: "key EndresKey: Del @Id" }, after: { rule: "key EndresKey: Del @Id + @Nr" } });
    expect(at("record-occurs-changed", "del")).toMatchObject({ aspect: "occurs", before: { value: "0..n" }, after: { value: "0..5" }, sender: "breaking" });
  });

  it("shows each aspect as old → new in the text output", () => {
    const text = formatChangeSetText(aspects);
    expect(text).toContain("record-field fast.DATO: length 6 → 8");
    expect(text).toContain('record-field fast.DATO: datePattern "ddMMyy" → "ddMMyyyy"');
    expect(text).toContain('record-field sak.Kode: code 1: "En" → "Én etter § 4-27"');
    expect(text).toContain("schema-rule sak.NyUnique: unique NyUnique: Del @Nr");
  });

  it("writes a fixed-width extract's changes in SSB's changelog layout", () => {
    expect(kontrollprogramChangelog(aspectsRegistry, aspectsRegistry.forms.get("fast")!, 2020, 2021)).toBe(
      [
        "# Endringslogg: FAST Fast bredde, fra  2020 til 2021",
        "",
        "",
        "## Fjernet",
        "| Navn | Beskrivelse | Lengde | Fra‑Til | Datatype | Obligatorisk | Dato-maske | Kodeliste |",
        "|------|-------------|--------|---------|----------|--------------|------------|-----------|",
        "| `BORT` | Fjernes | 3 | 9‑11 | INTEGER_TYPE |  |  |  |",
        "",
        "## Lagt til",
        "| Navn | Beskrivelse | Lengde | Fra‑Til | Datatype | Obligatorisk | Dato-maske | Kodeliste |",
        "|------|-------------|--------|---------|----------|--------------|------------|-----------|",
        "| `NY` | Ny<br/>linje | 4 | 11‑14 | INTEGER_TYPE | ✅ |  |  |",
        "",
        "## Endret",
        "| Navn | Beskrivelse | Lengde | Fra‑Til | Datatype | Obligatorisk | Dato-maske | Kodeliste |",
        "|------|-------------|--------|---------|----------|--------------|------------|-----------|",
        "| `NR` |  | 2 | 1-2 | STRING_TYPE | ✅ |  | Lagt til:<br/>`01`: En<br/>`02`: To<br/><br/> |",
        "| `DATO` | Dato for 2020<br/> endret til <br/>Dato for 2021 | 6<br/> endret til <br/>8 | 3-8<br/> endret til <br/>3-10 | DATE_TYPE |  | ddMMyy<br/> endret til <br/>ddMMyyyy | Ingen endringer |",
        "",
      ].join("\n"),
    );
    // Not a fixed-width extract: no SSB changelog.
    expect(kontrollprogramChangelog(aspectsRegistry, aspectsRegistry.forms.get("xml")!, 2020, 2021)).toBeUndefined();
  });
});

describe("a table row's cells not asked (omit)", () => {
  let bundled: Registry;
  beforeAll(async () => {
    const { BUNDLED_CONTENT_ROOT } = await import("../src/lib/load/content-root.ts");
    bundled = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
  });
  const kompetansekrav = (rows: { id: string; omit?: string[] }[]) => rows.find((r) => r.id === "kompetansekrav")!;

  it("gives form 8's new 2B row of 2023 its omitted cell in its definition", () => {
    const row = diffRegistry(bundled, 2022, 2023).changes.find((c) => c.item === "8" && c.element === "besatte-etter-type.kompetansekrav");
    expect(row).toMatchObject({ type: "field-added", elementKind: "row", after: { format: "omit stottefunksjoner-244" } });
  });

  it("reports a change in the cells a row omits between years as a layout change, old → new", async () => {
    const { diffForm } = await import("../src/lib/diff/form.ts");
    const form8 = bundled.forms.get("8")!;
    const v2023 = form8.versions.find((v) => v.year === 2023)!;
    // A year in which the row asks for Støttefunksjoner too, and one in which it leaves out 252 as well.
    const withOmit = (omit: string[] | undefined) => {
      const data = structuredClone(v2023.data);
      const row = kompetansekrav(data.sections!.flatMap((s) => s.tables ?? []).find((t) => t.id === "besatte-etter-type")!.rows);
      if (omit) row.omit = omit;
      else delete row.omit;
      return data;
    };
    const entry = { meta: form8.meta, versions: [v2023, { year: 2024, data: withOmit(undefined) }, { year: 2025, data: withOmit(["stottefunksjoner-244", "tiltaksstillinger-252"]) }] };
    const changes = (from: number, to: number) => diffForm(bundled, entry, from, to).filter((c) => c.element === "besatte-etter-type.kompetansekrav");
    expect(changes(2023, 2024)).toMatchObject([{ type: "field-format-changed", aspect: "omit", before: { value: "stottefunksjoner-244" }, after: {} }]);
    expect(changes(2024, 2025)).toMatchObject([{ type: "field-format-changed", aspect: "omit", before: {}, after: { value: "stottefunksjoner-244, tiltaksstillinger-252" } }]);
    expect(changes(2023, 2024)[0].after).not.toHaveProperty("value");
  });
});
