import { readdirSync, readFileSync, statSync } from "node:fs";
import { withCitedSources } from "../src/lib/export/cited.ts";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { versionAt, type Registry } from "../src/lib/model/registry.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import { codesToCsv, codesToExcelCsv } from "../src/lib/export/csv.ts";
import { schemaForPath, schemaUrl } from "../src/lib/export/schemas.ts";
import { CodelistYearExport, FormYearExport, MeetingExport, ProposalExport } from "../src/lib/export/shapes.ts";
import { computedStatus } from "../src/lib/proposals/status.ts";
import { bundledSite } from "./build-site.ts";

let dist: string;
let api: string;
let registry: Registry;
const read = (p: string) => readFileSync(join(api, p), "utf8");
const readJson = (p: string) => JSON.parse(read(p));
/** An export's content: its JSON without the `$schema` member that names its schema. */
const readContent = (p: string) => {
  const { $schema: _, ...content } = readJson(p);
  return content;
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

beforeAll(async () => {
  dist = await bundledSite();
  api = join(dist, "api", "v1");
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
}, 300_000);

describe("the static API", () => {
  it("validates every exported JSON file against its published schema", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    for (const f of readdirSync(join(api, "schemas"))) ajv.addSchema(readJson(`schemas/${f}`));
    const files = walk(api).map((f) => relative(api, f)).filter((f) => f.endsWith(".json") && schemaForPath(f));
    expect(files.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const f of files) {
      const validate = ajv.getSchema(schemaUrl(schemaForPath(f)!))!;
      if (!validate(readJson(f))) failures.push(`${f}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(failures).toEqual([]);
  });

  it("reproduces the content exactly when the JSON exports are read back (lossless), sources cited by title", () => {
    for (const entry of registry.codelists.values()) {
      for (const year of registry.yearsOf(entry)) {
        const back = CodelistYearExport.parse(readContent(`codelists/${entry.meta.id}/${year}.json`));
        // All but the registry's own number (`numericId`), which came after 2022 was locked and lives in
        // the KLASS query API (docs/api.md, «Numbers»).
        const { numericId: _numericId, ...meta } = entry.meta;
        expect(back.codelist).toEqual(withCitedSources(meta));
        expect(back.version).toEqual(withCitedSources(versionAt(entry, year)!.data));
      }
    }
    for (const form of registry.forms.values()) {
      for (const year of registry.yearsOf(form)) expect(FormYearExport.parse(readContent(`forms/${form.meta.id}/${year}.json`)).version).toEqual(withCitedSources(versionAt(form, year)!.data));
    }
    for (const i of registry.indicators.values()) expect(readContent(`indicators/${i.id}.json`)).toEqual(withCitedSources(i));
    for (const t of registry.tables.values()) expect(readContent(`tables/${t.number}.json`)).toEqual(withCitedSources(t));
    for (const p of registry.proposals.values()) expect(ProposalExport.parse(readContent(`proposals/${p.data.id}.json`))).toEqual({ proposal: withCitedSources(p.data), computedStatus: computedStatus(registry, p.data), body: p.body });
    for (const m of registry.meetings.values()) expect(MeetingExport.parse(readContent(`meetings/${m.data.id}.json`))).toEqual({ meeting: withCitedSources(m.data), body: m.body });
  });

  it("lists every file in index.json with its SHA-256 and the year it last changed", async () => {
    const { createHash } = await import("node:crypto");
    const index = readJson("index.json");
    const listed = index.resources.flatMap((r: { files: { url: string; sha256: string }[] }) => r.files);
    const onDisk = walk(api).map((f) => `/api/v1/${relative(api, f)}`).filter((u) => u !== "/api/v1/index.json");
    // The index also lists files beside the API (the calendars under /kalender/); those under /api/v1/ are all there.
    expect(listed.map((f: { url: string }) => f.url).filter((u: string) => u.startsWith("/api/v1/")).sort()).toEqual(onDisk.sort());
    for (const f of listed) expect(createHash("sha256").update(readFileSync(join(dist, f.url))).digest("hex")).toBe(f.sha256);
    const plantype2024 = listed.find((f: { url: string }) => f.url === "/api/v1/codelists/plantype/2024.json");
    expect(plantype2024).toMatchObject({ year: 2024, lastChanged: 2023 });
  });

  it("describes every path family in the OpenAPI document", () => {
    const doc = readJson("openapi.json");
    expect(doc.openapi).toBe("3.1.0");
    const templates = Object.keys(doc.paths).map((p) => new RegExp(`^${p.replace(/\./g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`));
    const uncovered = walk(api).map((f) => "/" + relative(api, f)).filter((p) => !templates.some((t) => t.test(p)));
    expect(uncovered).toEqual([]);
  });

  it("writes every JSON file as JSON.stringify(value, null, 2), also those it assembles from a cached version", () => {
    const json = walk(api).filter((f) => f.endsWith(".json"));
    for (const f of json) {
      const text = readFileSync(f, "utf8");
      expect(text, relative(api, f)).toBe(JSON.stringify(JSON.parse(text), null, 2) + "\n");
    }
  });

  it("is the same bytes every time it is generated from the same content", () => {
    const site = "https://kostra-registeret.example";
    expect([...exportFiles(registry, site)]).toEqual([...exportFiles(registry, site)]);
  });
});

describe("the 2023 plan types in every format, linked from the codelist page", () => {
  const formats = ["json", "csv", "excel.csv", "klass.json", "sdmx.xml", "sdmx.json", "fhir.json"];

  it("links each format from /kodelister/plantype/2023/", () => {
    const page = readFileSync(join(dist, "kodelister/plantype/2023/index.html"), "utf8");
    for (const ext of formats) expect(page).toContain(`href="/api/v1/codelists/plantype/2023.${ext}"`);
  });

  it("CSV: RFC 4180 for programs; semicolon with BOM for Excel; quotes where needed", () => {
    const rows = parseCsv(read("codelists/plantype/2023.csv"), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(rows[0].name).toBe("Tiltaksplan etter BVL2021 § 8-1 (tidligere BVL1992 § 4-5)");
    expect(rows[2]).toMatchObject({ status: "deprecated", withdrawnFrom: "2023" });
    const excel = read("codelists/plantype/2023.excel.csv");
    expect(excel.startsWith("\uFEFFcode;parentCode;name")).toBe(true);
    expect((parseCsv(excel.slice(1), { columns: true, delimiter: ";" }) as Record<string, string>[])[4].name).toBe("Tiltaksplan – ettervern etter BVL 2021 § 8-5, 2. ledd");
    const tricky = [{ code: "1", name: { nb: 'Med "sitat", komma; semikolon\nog linjeskift' } }];
    const back = (text: string, delimiter: string) => (parseCsv(text, { columns: true, delimiter }) as Record<string, string>[])[0].name;
    expect(back(codesToCsv(tricky), ",")).toBe(tricky[0].name.nb);
    expect(back(codesToExcelCsv(tricky).slice(1), ";")).toBe(tricky[0].name.nb);
  });

  it("KLASS JSON: the field names of KLASS's codes and changes responses", () => {
    const { codes } = readJson("codelists/plantype/2023.klass.json");
    expect(Object.keys(codes[0])).toEqual(["code", "parentCode", "level", "name", "shortName", "presentationName", "validFrom", "validTo", "notes"]);
    // KLASS gives presentationName "" unless a pattern is asked for.
    expect(codes.find((c: { code: string }) => c.code === "5")).toMatchObject({ code: "5", level: "1", name: "Tiltaksplan – ettervern etter BVL 2021 § 8-5, 2. ledd", validFrom: "2023-01-01", validTo: null, presentationName: "" });
    const { codeChanges } = readJson("codelists/plantype/changes/2022-2023.klass.json");
    expect(Object.keys(codeChanges[0])).toEqual(["oldCode", "oldName", "oldShortName", "newCode", "newName", "newShortName", "changeOccurred"]);
    expect(codeChanges.filter((c: { oldCode: string | null }) => c.oldCode === null).map((c: { newCode: string }) => c.newCode)).toEqual(["5", "6", "7", "8"]);
    expect(readJson("codelists/flytting-arsak-fra/2022.klass.json").codes.find((c: { code: string }) => c.code === "1.1.1")).toMatchObject({ parentCode: "1.1", level: "3" });
  });

  it("SDMX-ML 2.1: well-formed, in the SDMX namespaces, with valid ids and every code", () => {
    const text = read("codelists/plantype/2023.sdmx.xml");
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, removeNSPrefix: false }).parse(text);
    const structure = doc["mes:Structure"];
    expect(structure["@_xmlns:mes"]).toBe("http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message");
    const codelist = structure["mes:Structures"]["str:Codelists"]["str:Codelist"];
    expect(codelist).toMatchObject({ "@_id": "plantype", "@_agencyID": "KOSTRA", "@_version": "2023.0", "@_isFinal": "true" });
    const codes = codelist["str:Code"];
    expect(codes.map((c: Record<string, string>) => c["@_id"])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    // SDMX IDType: letters, digits, _ @ $ -; a dotted code keeps its value in an annotation.
    const tiltak = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(read("codelists/tiltak-kategori/2023.sdmx.xml"))["mes:Structure"]["mes:Structures"]["str:Codelists"]["str:Codelist"]["str:Code"];
    for (const c of tiltak) expect(c["@_id"]).toMatch(/^[A-Za-z0-9_@$-]+$/);
    expect(tiltak.find((c: Record<string, string>) => c["@_id"] === "2_3")["com:Annotations"]["com:Annotation"]["com:AnnotationTitle"]).toBe("2.3");
  });

  it("SDMX-JSON: a structure message with the codelist and its codes", () => {
    const doc = readJson("codelists/plantype/2023.sdmx.json");
    expect(doc.meta).toMatchObject({ id: "plantype_2023", test: false, sender: { id: "KOSTRA" } });
    const [codelist] = doc.data.codelists;
    expect(codelist).toMatchObject({ id: "plantype", agencyID: "KOSTRA", version: "2023.0", name: "Plantype" });
    expect(codelist.codes).toHaveLength(8);
    expect(codelist.codes[5]).toMatchObject({ id: "6", name: "Samværsplan etter BVL 2021 § 7-6", names: { nb: "Samværsplan etter BVL 2021 § 7-6" } });
  });

  it("FHIR R5 CodeSystem: required elements, unique codes, count of all concepts, hierarchy nested", () => {
    const cs = readJson("codelists/plantype/2023.fhir.json");
    expect(cs).toMatchObject({ resourceType: "CodeSystem", status: "active", content: "complete", version: "2023", count: 8 });
    expect(["draft", "active", "retired", "unknown"]).toContain(cs.status);
    expect(cs.concept.find((c: { code: string }) => c.code === "3").property).toContainEqual({ code: "status", valueCode: "deprecated" });
    const flytting = readJson("codelists/flytting-arsak-fra/2022.fhir.json");
    const all: string[] = [];
    const collect = (cs: { code: string; concept?: unknown[] }[]) => cs.forEach((c) => (all.push(c.code), collect((c.concept ?? []) as never)));
    collect(flytting.concept);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(flytting.count);
    expect(flytting.hierarchyMeaning).toBe("is-a");
    expect(flytting.concept.map((c: { code: string }) => c.code)).toEqual(["1", "2"]);
    // Every property used is declared (FHIR invariant csd-? on concept properties).
    const declared = new Set(cs.property.map((p: { code: string }) => p.code));
    for (const c of cs.concept) for (const p of c.property) expect(declared.has(p.code)).toBe(true);
  });

  it("FHIR R5 ConceptMap for a correspondence: the 2021 saksinnhold split", () => {
    const cm = readJson("codelists/saksinnhold/2021.conceptmap.fhir.json");
    expect(cm).toMatchObject({ resourceType: "ConceptMap", status: "active" });
    const element = cm.group[0].element.find((e: { code: string }) => e.code === "4");
    expect(element.target.map((t: { code: string }) => t.code)).toEqual(["20", "21", "22", "23"]);
    const allowed = ["related-to", "equivalent", "source-is-narrower-than-target", "source-is-broader-than-target", "not-related-to"];
    for (const e of cm.group[0].element) for (const t of e.target) expect(allowed).toContain(t.relationship);
  });
});

describe("Atom feeds", () => {
  it("are well-formed Atom with entries for proposals and published changes, site-wide, per group and per codelist", () => {
    for (const path of ["feeds/endringer.atom", "feeds/arbeidsgrupper/barnevern.atom", "feeds/kodelister/plantype.atom"]) {
      const text = read(path);
      expect(XMLValidator.validate(text), path).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false }).parse(text).feed;
      expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
      expect([feed.entry].flat().length, path).toBeGreaterThan(0);
    }
    expect(read("feeds/endringer.atom")).toContain("Endringsforslag: Nye plantyper i kodelisten for plan (anbefalt)");
    expect(read("feeds/kodelister/plantype.atom")).toContain("Plantype 2023: ");
  });
});
