import { readFileSync, writeFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { versionAt, type Registry } from "../src/lib/model/registry.ts";
// Imported here, not inside a test: its hook that removes the copies is registered only at collection.
import { contentCopy } from "./helpers.ts";

let registry: Registry;
const codes = (id: string, year: number) => versionAt(registry.codelists.get(id)!, year)!.data.codes.map((c) => c.code);
const labels = (id: string, year: number) =>
  Object.fromEntries(versionAt(registry.codelists.get(id)!, year)!.data.codes.map((c) => [c.code, c.name.nb]));

beforeAll(async () => {
  const result = await validateContent(BUNDLED_CONTENT_ROOT);
  expect(result.errors, result.findings.map((f) => `${f.file}:${f.line}: ${f.message}`).join("\n")).toBe(0);
  registry = result.registry;
});

describe("bundled content", () => {
  it("has the plan types of the 2023 schema with their exact labels", () => {
    expect(labels("plantype", 2023)).toEqual({
      "1": "Tiltaksplan etter BVL2021 § 8-1 (tidligere BVL1992 § 4-5)",
      "2": "Tiltaksplan etter BVL2021 § 8-4 (tidligere BVL1992 § 4-28)",
      "3": "Foreløpig omsorgsplan etter BVL1992 § 4-15, 3. ledd",
      "4": "Omsorgsplan etter BVL2021 § 8-3, 4. ledd (tidligere BVL1992 § 4-15, 3. ledd)",
      "5": "Tiltaksplan – ettervern etter BVL 2021 § 8-5, 2. ledd",
      "6": "Samværsplan etter BVL 2021 § 7-6",
      "7": "Undersøkelsesplan etter BVL 2021 § 2-2, 3. ledd",
      "8": "Undersøkelsesplan etter akuttvedtak etter BVL 2021 § 8-2, 3. ledd",
    });
  });

  it("has the four plan types of 2022, and marks plan type 3 as going away in 2023", () => {
    expect(labels("plantype", 2022)).toEqual({
      "1": "Tiltaksplan etter § 4-5",
      "2": "Tiltaksplan etter § 4-28",
      "3": "Foreløpig omsorgsplan etter § 4-15, 3. ledd",
      "4": "Omsorgsplan etter § 4-15, 3. ledd",
    });
    const three = versionAt(registry.codelists.get("plantype")!, 2023)!.data.codes.find((c) => c.code === "3")!;
    expect(three).toMatchObject({ status: "deprecated", withdrawnFrom: 2023 });
  });

  it("labels tiltak 2.3 and 2.4 as the XSDs do: unchanged in 2023, 2.3 «Spesialiserte fosterhjem» from 2024, 2.4 never the report's «bvl § 6-3»", () => {
    for (const year of [2022, 2023]) {
      expect(labels("tiltak-kategori", year)["2.3"], String(year)).toBe("Statlige familiehjem (gjelder fosterhjem som staten har ansvar for)");
      expect(labels("tiltak-kategori", year)["2.4"], String(year)).toBe("Fosterhjem etter § 4-27");
    }
    expect(labels("tiltak-kategori", 2024)["2.3"]).toBe("Spesialiserte fosterhjem");
    expect(labels("tiltak-kategori", 2024)["2.4"]).toBe("Fosterhjem etter § 4-27");
    // The report's wording is kept as the 2023 version's note.
    expect(versionAt(registry.codelists.get("tiltak-kategori")!, 2023)!.data.note).toMatch(/«Spesialiserte fosterhjem» og 2\.4 fra «Fosterhjem etter bvl\s+§ 4-27» til «Fosterhjem etter bvl § 6-3»/);
  });

  it("follows the 15F history: 2.6 from 2021, 6.5 gone in 2022, Flytting lists from 2022", () => {
    expect(labels("tiltak-kategori", 2020)).not.toHaveProperty("2.6");
    expect(labels("tiltak-kategori", 2021)).toHaveProperty("2.6");
    expect(labels("tiltak-kategori", 2021)).toHaveProperty("6.5");
    expect(labels("tiltak-kategori", 2022)).not.toHaveProperty("6.5");
    expect(registry.yearsOf(registry.codelists.get("flytting-til")!)[0]).toBe(2022);
    expect(labels("undersokelse-konklusjon", 2022)["6"]).toBe("Undersøkelsen henlagt etter henvisning til annen instans");
  });

  it("declares the 2021 saksinnhold split of code 4 into 20–23", () => {
    const v = versionAt(registry.codelists.get("saksinnhold")!, 2021)!;
    expect(v.year).toBe(2021);
    expect(v.data.correspondences).toContainEqual(expect.objectContaining({ type: "split", from: ["4"], to: ["20", "21", "22", "23"] }));
  });

  it("ends vedtaksgrunnlag in 2022; saksinnhold takes over", () => {
    const list = registry.codelists.get("vedtaksgrunnlag")!;
    expect(registry.yearsOf(list).at(-1)).toBe(2022);
    expect(versionAt(list, 2023)).toBeUndefined();
  });

  it("has the functions and the arts before and after the 2023 proposal", () => {
    expect(codes("kostra-funksjon", 2023)).toEqual(["244", "251", "252"]);
    expect(codes("kostra-art", 2022)).toEqual(["050", "165", "370", "400", "470"]);
    const art = (year: number) => versionAt(registry.codelists.get("kostra-art")!, year)!.data.codes.find((c) => c.code === "050")!.notes;
    expect(art(2022)).toContain("5. Fosterhjemsgodtgjørelse (arbeidsgodtgjørelsen)");
    expect(art(2023)).toContain("5. Arbeidsgodtgjørelse fosterhjem og besøkshjem");
    expect(art(2023)).not.toContain("Fosterhjemsgodtgjørelse (arbeidsgodtgjørelsen)");
  });

  it("has both working groups with members from the sources", () => {
    const bv = registry.workingGroups.get("barnevern")!;
    expect(bv.members).toContainEqual(expect.objectContaining({ name: "Tone Dyrhaug", role: "leder", asOf: 2023 }));
    const sos = registry.workingGroups.get("sosialtjenesten")!;
    expect(sos.members.map((m) => m.name)).toContain("Harald Tønseth");
  });

  it("cites a source on every item", () => {
    const items: { source?: unknown }[] = [
      ...[...registry.codelists.values()].flatMap((e) => [e.meta, ...e.versions.map((v) => v.data)]),
      ...[...registry.forms.values()].flatMap((e) => [e.meta, ...e.versions.map((v) => v.data)]),
      ...registry.workingGroups.values(),
      ...registry.indicators.values(),
      ...registry.tables.values(),
      ...[...registry.meetings.values()].map((m) => m.data),
      ...[...registry.proposals.values()].map((p) => p.data),
    ];
    expect(items.length).toBeGreaterThan(50);
    for (const item of items) expect(item.source).toBeTruthy();
  });

  describe("form 8 2023, 2B «kompetansekrav»: asked for the three columns source 001 5.1 names, not Støttefunksjoner (244)", () => {
    const table = () => versionAt(registry.forms.get("8")!, 2023)!.data.sections!.flatMap((s) => s.tables ?? []).find((t) => t.id === "besatte-etter-type")!;
    const row = (id: string) => table().rows.find((r) => r.id === id)!;

    it("omits the one cell, citing 5.1, and only in 2023's new row", () => {
      expect(row("kompetansekrav").omit).toEqual(["stottefunksjoner-244"]);
      expect(row("kompetansekrav").source).toBe("seeds/001_82c6c90c8b3d8844.txt — 5.1 Forslag til endring");
      expect(row("besatte").omit).toBeUndefined();
    });

    it("shows the cell as not asked on the page, with no input, and the others as inputs and a sum", async () => {
      const { tableRowCells } = await import("../src/lib/views/form.ts");
      const kinds = (id: string) => Object.fromEntries(tableRowCells(table(), row(id)).map((c) => [c.column.id, c.kind]));
      expect(kinds("kompetansekrav")).toEqual({ "fagstillinger-244": "input", "stottefunksjoner-244": "not-asked", "tiltaksstillinger-251": "input", "tiltaksstillinger-252": "input", sum: "sum" });
      expect(kinds("besatte")["stottefunksjoner-244"]).toBe("input");
    });

    it("leaves the cell out of the sum and of the controls' table values, even when a value is given for it", async () => {
      const { questionnaireContext } = await import("../src/lib/rules/context.ts");
      const cells = { "fagstillinger-244": 4, "stottefunksjoner-244": 9, "tiltaksstillinger-251": 1.5, "tiltaksstillinger-252": 0.5 };
      const context = questionnaireContext(versionAt(registry.forms.get("8")!, 2023)!.data, 2023, { table: { "besatte-etter-type": { besatte: cells, kompetansekrav: cells } } });
      const t = (context.table as Record<string, Record<string, Record<string, number>>>)["besatte-etter-type"];
      expect(t.besatte.sum).toBe(15);
      expect(t.kompetansekrav.sum).toBe(6);
      expect(t.kompetansekrav).not.toHaveProperty("stottefunksjoner-244");
    });

    it("fails validation, at the cell, when a row omits a column the table does not fill in", async () => {
      const dir = contentCopy();
      const file = `${dir}/content/forms/8/2023.yaml`;
      const yaml = readFileSync(file, "utf8");
      writeFileSync(file, yaml.replace("omit: [stottefunksjoner-244]", "omit: [stottefunksjoner-244, sum]"));
      const { findings } = await validateContent(dir);
      const found = findings.filter((f) => f.file.endsWith("forms/8/2023.yaml") && f.severity === "error");
      expect(found.map((f) => f.message)).toEqual(['row "kompetansekrav" omits "sum", which is not a column filled in']);
      expect(yaml.split("\n")[found[0].line - 1]).toContain("omit: [stottefunksjoner-244]");
    }, 120_000);

    it("carries omit in the form export's JSON schema", async () => {
      const { jsonSchemaOf } = await import("../src/lib/export/schemas.ts");
      const text = JSON.stringify(jsonSchemaOf("form-year"));
      expect(text).toContain('"omit"');
      expect(text).toContain("ikke spurt");
    });
  });

  it("covers reporting years 2018 to 2026 (the file extracts of SSB's control program reach 2026)", () => {
    expect(registry.reportingYears).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });
});

describe("a registry without its sources (what the build keeps after validating)", () => {
  it("holds the same content, diffs the same, and no longer knows the files", async () => {
    const { diffRegistry } = await import("../src/lib/diff/index.ts");
    const bare = registry.withoutSources();
    const someCodelist = [...registry.codelists.values()][0];
    expect(registry.originOf(someCodelist.meta)?.path).toMatch(/codelist\.yaml$/);
    expect(bare.originOf(someCodelist.meta)).toBeUndefined();
    expect([...bare.codelists.keys()]).toEqual([...registry.codelists.keys()]);
    expect(bare.reportingYears).toEqual(registry.reportingYears);
    const [from, to] = [registry.reportingYears.at(-2)!, registry.reportingYears.at(-1)!];
    expect(JSON.stringify(diffRegistry(bare, from, to))).toBe(JSON.stringify(diffRegistry(registry, from, to)));
  });
});
