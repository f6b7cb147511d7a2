/**
 * The registry's self-description for data.norge.no, checked with the consumer's own tools:
 * - /api/v1/catalog.ttl parsed with n3 and validated with rdf-validate-shacl against Digdir's
 *   DCAT-AP-NO 2.0 SHACL shapes and the ontologies loaded beside them (test/fixtures/reference/digdir/,
 *   copied unchanged from Digdir's repository); no violation allowed, warnings printed;
 * - the same catalogue with a dataset's title or publisher removed fails, naming the property;
 * - /api/v1/catalog.jsonld, expanded by hand (its context is prefixes only, every value an explicit
 *   `@id` or `@value` object), gives exactly the triples of the Turtle;
 * - every codelist version's /api/v1/codelists/<id>/<year>.xkos.ttl parses and conforms to the
 *   mandatory (and the used recommended) properties of XKOS-AP-NO. Digdir publishes XKOS-AP-NO's
 *   shapes in its xkos-ap-no repository, but they are not among the reference files, so this file
 *   states those properties as SHACL itself (XKOS_AP_NO below), from the specification;
 * - the catalogue lists every codelist, form, indicator and change set, and every file of a codelist
 *   version, and points only at files the API writes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Parser, Store, type Quad } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { versionAt, type CodelistEntry, type Registry, type Version } from "../src/lib/model/registry.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import { Graph, iri, lit, typed } from "../src/lib/export/rdf.ts";
import { codelistVersionToXkos } from "../src/lib/export/xkos.ts";
import type { CodelistVersion } from "../src/lib/schema/index.ts";
import { REFERENCE_FILES, REPO } from "./helpers.ts";

const DIGDIR = join(REFERENCE_FILES, "digdir");
const SITE = "https://kostra.example.no";
const API = `${SITE}/api/v1/`;

const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XSD = "http://www.w3.org/2001/XMLSchema#";
const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const SKOS = "http://www.w3.org/2004/02/skos/core#";
const XKOS = "http://rdf-vocabulary.ddialliance.org/xkos#";

/** XKOS-AP-NO's mandatory properties (and the recommended ones the export writes), as SHACL. */
const XKOS_AP_NO = `
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix rdf: <${RDF}> .
@prefix xsd: <${XSD}> .
@prefix skos: <${SKOS}> .
@prefix xkos: <${XKOS}> .
@prefix dct: <${DCT}> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix schema: <http://schema.org/> .
@prefix t: <urn:kostra-test:xkos-ap-no#> .

t:Classification a sh:NodeShape ; sh:targetClass skos:ConceptScheme ;
  sh:property [ sh:path xkos:numberOfLevels ; sh:datatype xsd:positiveInteger ; sh:minCount 1 ; sh:maxCount 1 ] ,
    [ sh:path dct:identifier ; sh:minCount 1 ; sh:maxCount 1 ] ,
    [ sh:path dct:title ; sh:nodeKind sh:Literal ; sh:minCount 1 ] ,
    [ sh:path dct:publisher ; sh:class foaf:Agent ; sh:minCount 1 ; sh:maxCount 1 ] ,
    [ sh:path dct:creator ; sh:class foaf:Agent ; sh:maxCount 1 ] ,
    [ sh:path xkos:levels ; sh:class rdf:List ; sh:maxCount 1 ] ,
    [ sh:path xkos:supersedes ; sh:class skos:ConceptScheme ] ,
    [ sh:path schema:validFrom ; sh:datatype xsd:date ; sh:maxCount 1 ] ,
    [ sh:path schema:validThrough ; sh:datatype xsd:date ; sh:maxCount 1 ] ,
    [ sh:path dct:language ; sh:nodeKind sh:IRI ; sh:pattern "^https?://publications[.]europa[.]eu/resource/authority/language/" ] .
t:Level a sh:NodeShape ; sh:targetClass xkos:ClassificationLevel ;
  sh:property [ sh:path xkos:depth ; sh:datatype xsd:positiveInteger ; sh:minCount 1 ; sh:maxCount 1 ] ,
    [ sh:path skos:member ; sh:class skos:Concept ; sh:minCount 1 ] .
t:LevelList a sh:NodeShape ; sh:targetClass rdf:List ;
  sh:property [ sh:path rdf:first ; sh:class xkos:ClassificationLevel ; sh:minCount 1 ; sh:maxCount 1 ] ,
    [ sh:path rdf:rest ; sh:minCount 1 ; sh:maxCount 1 ] .
t:Category a sh:NodeShape ; sh:targetClass skos:Concept ;
  sh:property [ sh:path skos:prefLabel ; sh:nodeKind sh:Literal ; sh:minCount 1 ] ,
    [ sh:path skos:inScheme ; sh:class skos:ConceptScheme ; sh:minCount 1 ] ,
    [ sh:path skos:notation ; sh:nodeKind sh:Literal ; sh:minCount 1 ; sh:maxCount 1 ] ,
    [ sh:path skos:broader ; sh:class skos:Concept ; sh:maxCount 1 ] ,
    [ sh:path skos:narrower ; sh:class skos:Concept ] ,
    [ sh:path skos:topConceptOf ; sh:class skos:ConceptScheme ] .
t:Correspondence a sh:NodeShape ; sh:targetClass xkos:Correspondence ;
  sh:property [ sh:path xkos:madeOf ; sh:class xkos:ConceptAssociation ; sh:minCount 1 ] ,
    [ sh:path dct:identifier ; sh:minCount 1 ; sh:maxCount 1 ] ,
    [ sh:path dct:title ; sh:nodeKind sh:Literal ; sh:minCount 1 ] ,
    [ sh:path xkos:compares ; sh:class skos:ConceptScheme ; sh:minCount 2 ; sh:maxCount 2 ] ,
    [ sh:path dct:publisher ; sh:class foaf:Agent ; sh:minCount 1 ; sh:maxCount 1 ] .
t:Association a sh:NodeShape ; sh:targetClass xkos:ConceptAssociation ;
  sh:property [ sh:path xkos:sourceConcept ; sh:class skos:Concept ; sh:minCount 1 ] ,
    [ sh:path xkos:targetConcept ; sh:class skos:Concept ; sh:minCount 1 ] ,
    [ sh:path dct:type ; sh:nodeKind sh:IRI ; sh:maxCount 1 ] .
`;

let registry: Registry;
let files: Map<string, string | Uint8Array>;
let digdirShapes: Quad[];
let xkosShapes: Quad[];

const parse = (text: string) => new Parser().parse(text);
const text = (path: string) => {
  const content = files.get(path);
  if (typeof content !== "string") throw new Error(`no text file ${path}`);
  return content;
};
const local = (iri: string | undefined) => iri?.replace(/^.*[#/]/, "");

interface Finding {
  severity: string;
  path?: string;
  focus: string;
  message: string;
}

/** Validates quads against shapes (Digdir's unless given); owl:imports are not fetched (offline). */
async function shacl(quads: Quad[], shapes: Quad[] = digdirShapes) {
  const skipped: string[] = [];
  const validator = new SHACLValidator(new Store(shapes), {
    importGraph: (url) => {
      skipped.push(url.value);
      return new Store();
    },
  });
  const report = await validator.validate(new Store(quads));
  const findings: Finding[] = report.results.map((r) => ({ severity: local(r.severity?.value) ?? "?", path: r.path?.value, focus: r.focusNode?.value ?? "", message: r.message.map((m) => m.value).join(" | ") }));
  return { conforms: report.conforms, violations: findings.filter((f) => f.severity === "Violation"), warnings: findings.filter((f) => f.severity !== "Violation"), skipped };
}

/** Writes a check's warnings to the test output, counted by path and message. */
function listWarnings(label: string, warnings: Finding[], skipped: string[]) {
  const counted = new Map<string, number>();
  for (const w of warnings) counted.set(`${w.severity} ${w.path ?? ""}: ${w.message}`, (counted.get(`${w.severity} ${w.path ?? ""}: ${w.message}`) ?? 0) + 1);
  const lines = [...counted].map(([k, n]) => `  ${n} × ${k}`);
  console.log(`${label}: ${warnings.length} SHACL warning(s)${lines.length ? `\n${lines.join("\n")}` : ""}\n  owl:imports not fetched (offline): ${[...new Set(skipped)].join(", ") || "none"}`);
}

/** A triple as one string, the same way for n3 quads and for the hand-expanded JSON-LD. */
function tripleKey(s: string, p: string, o: { iri: string } | { value: string; lang?: string; datatype?: string }) {
  const object = "iri" in o ? `<${o.iri}>` : `${JSON.stringify(o.value)}${o.lang ? `@${o.lang}` : `^^<${o.datatype ?? `${XSD}string`}>`}`;
  return `<${s}> <${p}> ${object}`;
}
const quadKey = (q: Quad) =>
  tripleKey(q.subject.value, q.predicate.value, q.object.termType === "Literal" ? { value: q.object.value, ...(q.object.language ? { lang: q.object.language } : { datatype: q.object.datatype.value }) } : { iri: q.object.value });

/** Expands the catalogue's JSON-LD form: refuses anything but prefixes in the context and explicit value objects. */
function expandCompactJsonLd(doc: { "@context": Record<string, string>; "@graph": Record<string, unknown>[] }): string[] {
  const ctx = doc["@context"];
  for (const v of Object.values(ctx)) expect(typeof v === "string" && /[#/]$/.test(v)).toBe(true);
  const expand = (t: string) => {
    const i = t.indexOf(":");
    const prefix = t.slice(0, i);
    return i > 0 && prefix in ctx && !t.slice(i + 1).startsWith("//") ? ctx[prefix] + t.slice(i + 1) : t;
  };
  const out: string[] = [];
  for (const node of doc["@graph"]) {
    const s = node["@id"] as string;
    expect(s).toMatch(/^https?:\/\//);
    for (const [key, values] of Object.entries(node)) {
      if (key === "@id") continue;
      if (key === "@type") {
        for (const t of values as string[]) out.push(tripleKey(s, `${RDF}type`, { iri: expand(t) }));
        continue;
      }
      expect(key.startsWith("@")).toBe(false);
      for (const v of values as Record<string, string>[]) {
        if ("@id" in v) {
          expect(Object.keys(v)).toEqual(["@id"]);
          out.push(tripleKey(s, expand(key), { iri: v["@id"]! }));
        } else {
          expect(Object.keys(v).every((k) => ["@value", "@language", "@type"].includes(k))).toBe(true);
          out.push(tripleKey(s, expand(key), { value: v["@value"]!, ...(v["@language"] ? { lang: v["@language"] } : v["@type"] ? { datatype: expand(v["@type"]) } : {}) }));
        }
      }
    }
  }
  return out;
}

beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
  files = new Map([...exportFiles(registry, SITE)].map((f) => [f.path, f.content]));
  digdirShapes = [...parse(readFileSync(join(DIGDIR, "DCAT-AP-NO-shacl_shapes_2.00.ttl"), "utf8")), ...parse(readFileSync(join(DIGDIR, "dcat-ap-no-ontologies.ttl"), "utf8"))];
  xkosShapes = parse(XKOS_AP_NO);
}, 300_000);

describe("the Turtle and JSON-LD writer (src/lib/export/rdf.ts)", () => {
  it("writes literals and IRIs that n3 and the JSON-LD expansion read back exactly", () => {
    const tricky = ['quote " and backslash \\ and \\"', "line\nbreak\r\ttab", "control \u0001\u001f\u007f", "æøå – «» 🙂", "ends with a backslash \\", ""];
    const g = new Graph();
    const s = "https://example.no/a b/<c>#x";
    tricky.forEach((t, i) => g.add(s, `https://example.no/p${i}`, lit(t, i % 2 ? "nb" : undefined)));
    g.add(s, "dct:identifier", typed("050", "xsd:string")).add(s, "dct:relation", iri("https://example.no/ø?q=1&r={2}"));
    const turtle = parse(g.toTurtle(["dct", "xsd"]));
    expect(turtle.filter((q) => q.predicate.value.startsWith("https://example.no/p")).map((q) => q.object.value)).toEqual(tricky);
    expect(new Set(turtle.map((q) => q.subject.value))).toEqual(new Set(["https://example.no/a%20b/%3Cc%3E#x"]));
    const jsonld = expandCompactJsonLd(JSON.parse(g.toJsonLd(["dct", "xsd"])));
    expect(jsonld.sort()).toEqual(turtle.map(quadKey).sort());
  });
});

describe("the DCAT-AP-NO catalogue (/api/v1/catalog.ttl)", () => {
  let catalog: Quad[];
  beforeAll(() => {
    catalog = parse(text("catalog.ttl"));
  });
  const objects = (s: string | null, p: string) => catalog.filter((q) => (s === null || q.subject.value === s) && q.predicate.value === p).map((q) => q.object.value);
  const ofType = (cls: string) => catalog.filter((q) => q.predicate.value === `${RDF}type` && q.object.value === cls).map((q) => q.subject.value);

  it("writes a distribution's years after a comma, so a number ending the codelist's name never runs on into them", () => {
    const distributionTitles = catalog.filter((q) => q.predicate.value === `${DCT}title` && /\/kodelister\/.*#distribusjon-/.test(q.subject.value)).map((q) => q.object.value);
    expect(distributionTitles.length).toBeGreaterThan(30);
    for (const t of distributionTitles) expect(t).toMatch(/, (\d{4}(–\d{4})?|fra \d{4}) \(/);
    // Without the comma, a name ending in «150» and the years 2013–2023 read as eleven digits in a row.
    expect(objects(null, `${DCT}title`).filter((t) => /\d[ ]\d{4}–\d{4}/.test(t))).toEqual([]);
  });

  it("conforms to Digdir's DCAT-AP-NO 2.0 shapes with no violation", async () => {
    const { conforms, violations, warnings, skipped } = await shacl(catalog);
    listWarnings("catalog.ttl", warnings, skipped);
    expect(violations).toEqual([]);
    expect(conforms).toBe(warnings.length === 0);
    expect(ofType(`${DCAT}Catalog`)).toHaveLength(1);
    expect(ofType(`${DCAT}Dataset`).length).toBeGreaterThan(30);
  });

  it("fails the shapes with a violation naming dct:title when a dataset has no title", async () => {
    const dataset = `${SITE}/kodelister/melder/#datasett`;
    const without = catalog.filter((q) => !(q.subject.value === dataset && q.predicate.value === `${DCT}title`));
    expect(without.length).toBeLessThan(catalog.length);
    const { conforms, violations } = await shacl(without);
    expect(conforms).toBe(false);
    expect(violations).toEqual([expect.objectContaining({ path: `${DCT}title`, focus: dataset, message: expect.stringContaining("dct:title") })]);
  });

  it("fails the shapes with a violation naming dct:publisher when a dataset has no publisher", async () => {
    const dataset = `${SITE}/skjema/15f/#datasett`;
    const { violations } = await shacl(catalog.filter((q) => !(q.subject.value === dataset && q.predicate.value === `${DCT}publisher`)));
    expect(violations).toEqual([expect.objectContaining({ path: `${DCT}publisher`, focus: dataset })]);
  });

  it("is the same triples as JSON-LD (/api/v1/catalog.jsonld)", () => {
    const fromJsonLd = expandCompactJsonLd(JSON.parse(text("catalog.jsonld")));
    expect(new Set(fromJsonLd).size).toBe(fromJsonLd.length);
    expect(fromJsonLd.sort()).toEqual(catalog.map(quadKey).sort());
  });

  it("has a dataset per codelist, form, indicator and change set, each with its publisher, theme and licence", () => {
    const datasets = new Set(ofType(`${DCAT}Dataset`));
    const expected = [
      ...[...registry.codelists.keys()].map((id) => `${SITE}/kodelister/${id}/#datasett`),
      ...[...registry.forms.keys()].map((id) => `${SITE}/skjema/${id}/#datasett`),
      ...[...registry.indicators.keys()].map((id) => `${SITE}/indikatorer/${id}/#datasett`),
      ...registry.reportingYears.slice(1).map((to) => `${SITE}/endringer/${to - 1}-${to}/#datasett`),
    ];
    expect([...datasets].sort()).toEqual(expected.sort());
    const catalogIri = ofType(`${DCAT}Catalog`)[0]!;
    expect(objects(catalogIri, `${DCAT}dataset`).sort()).toEqual(expected.sort());
    for (const d of datasets) {
      expect(objects(d, `${DCT}publisher`), d).toHaveLength(1);
      expect(objects(d, `${DCAT}theme`), d).toContain("http://publications.europa.eu/resource/authority/data-theme/GOVE");
      for (const dist of objects(d, `${DCAT}distribution`)) expect(objects(dist, `${DCT}license`), dist).toEqual(["http://publications.europa.eu/resource/authority/licence/NLOD_2_0"]);
    }
    // The owning working group is the creator, and its serviceArea adds a theme.
    expect(objects(`${SITE}/kodelister/melder/#datasett`, `${DCT}creator`)).toEqual([`${SITE}/arbeidsgrupper/barnevern/#arbeidsgruppe`]);
    expect(objects(`${SITE}/kodelister/melder/#datasett`, `${DCAT}theme`)).toContain("http://publications.europa.eu/resource/authority/data-theme/SOCI");
  });

  it("lists every file of every codelist version as a distribution, and only files the API writes", () => {
    const downloads = objects(null, `${DCAT}downloadURL`);
    for (const url of downloads) {
      expect(url.startsWith(API), url).toBe(true);
      expect(files.has(url.slice(API.length)), url).toBe(true);
    }
    const listed = new Set(downloads.map((u) => u.slice(API.length)));
    for (const entry of registry.codelists.values()) {
      for (const v of entry.versions.filter((v) => versionAt(entry, v.year) === v)) {
        const prefix = `codelists/${entry.meta.id}/${v.year}.`;
        const written = [...files.keys()].filter((p) => p.startsWith(prefix));
        expect(written).toContain(`${prefix}xkos.ttl`);
        expect([...listed].filter((p) => p.startsWith(prefix)).sort(), prefix).toEqual(written.sort());
      }
    }
    for (const form of registry.forms.values()) for (const v of form.versions) expect(listed.has(`forms/${form.meta.id}/${v.year}.json`)).toBe(true);
    for (const id of registry.indicators.keys()) expect(listed.has(`indicators/${id}.json`)).toBe(true);
  });

  it("describes the API as a data service with its endpoint and OpenAPI document, serving every dataset", () => {
    const [service] = ofType(`${DCAT}DataService`);
    expect(objects(service!, `${DCAT}endpointURL`)).toEqual([API]);
    expect(objects(service!, `${DCAT}endpointDescription`)).toEqual([`${API}openapi.json`]);
    expect(files.has("openapi.json")).toBe(true);
    expect(objects(service!, `${DCAT}servesDataset`).sort()).toEqual(ofType(`${DCAT}Dataset`).sort());
    const openapi = JSON.parse(text("openapi.json"));
    for (const p of ["/catalog.ttl", "/catalog.jsonld", "/codelists/{id}/{year}.xkos.ttl"]) expect(Object.keys(openapi.paths)).toContain(p);
    const index = JSON.parse(text("index.json"));
    expect(index.resources.find((r: { kind: string }) => r.kind === "catalog").files.map((f: { url: string }) => f.url)).toEqual(["/api/v1/catalog.ttl", "/api/v1/catalog.jsonld"]);
  });
});

describe("the XKOS-AP-NO classifications (/api/v1/codelists/<id>/<year>.xkos.ttl)", () => {
  const versions = () => [...registry.codelists.values()].flatMap((entry) => entry.versions.filter((v) => versionAt(entry, v.year) === v).map((v) => ({ entry, v, path: `codelists/${entry.meta.id}/${v.year}.xkos.ttl` })));

  it("every version conforms to XKOS-AP-NO with no violation", async () => {
    const all: Finding[] = [];
    let skippedAll: string[] = [];
    for (const { path } of versions()) {
      const { violations, warnings, skipped } = await shacl(parse(text(path)), xkosShapes);
      expect(violations, path).toEqual([]);
      all.push(...warnings);
      skippedAll = skipped;
    }
    listWarnings(`${versions().length} XKOS files`, all, skippedAll);
  });

  it("fails XKOS-AP-NO with a violation naming skos:inScheme when a code is in no scheme", async () => {
    const path = "codelists/plantype/2023.xkos.ttl";
    const concept = `${SITE}/kodelister/plantype/2023/#kode-1`;
    const quads = parse(text(path)).filter((q) => !(q.subject.value === concept && q.predicate.value === `${SKOS}inScheme`));
    const { violations } = await shacl(quads, xkosShapes);
    expect(violations).toEqual([expect.objectContaining({ path: `${SKOS}inScheme`, focus: concept })]);
  });

  it("has one concept per code with notation, labels and broader/narrower for parents", () => {
    for (const { entry, v, path } of versions()) {
      const quads = parse(text(path));
      const scheme = `${SITE}/kodelister/${entry.meta.id}/${v.year}/`;
      const of = (s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
      const members = quads.filter((q) => q.predicate.value === `${SKOS}inScheme` && q.object.value === scheme).map((q) => q.subject.value);
      expect(members).toHaveLength(v.data.codes.length);
      for (const c of v.data.codes) {
        const concept = `${scheme}#kode-${encodeURIComponent(c.code)}`;
        expect(of(concept, `${SKOS}notation`).map((o) => o.value), concept).toEqual([c.code]);
        expect(of(concept, `${SKOS}prefLabel`).find((o) => o.termType === "Literal" && o.language === "nb")?.value).toBe(c.name.nb);
        if (c.parent !== undefined) {
          expect(of(concept, `${SKOS}broader`).map((o) => o.value)).toEqual([`${scheme}#kode-${encodeURIComponent(c.parent)}`]);
          expect(of(`${scheme}#kode-${encodeURIComponent(c.parent)}`, `${SKOS}narrower`).map((o) => o.value)).toContain(concept);
        }
      }
    }
  });

  it("names a version's codes by its own prefix where Turtle allows (`kode:1.34`), else in full, both read back as the row's IRI", () => {
    const written = text("codelists/tiltak-kategori/2021.xkos.ttl");
    const scheme = `${SITE}/kodelister/tiltak-kategori/2021/`;
    expect(written).toContain(`@prefix kode: <${scheme}#kode-> .`);
    expect(written).toContain("kode:1.1 ");
    expect(written).not.toContain(`<${scheme}#kode-1.1>`);
    // Codes no bundled list has: a dot at the end, a slash, a letter outside ASCII, a leading zero,
    // an underscore or a hyphen first.
    const codes = ["1.34", "1.", "a/b", "æ", "050", "_x", "-1"];
    const version = { year: 2030, data: { source: [], codes: codes.map((code) => ({ code, name: { nb: `Kode ${code}` } })) } } as unknown as Version<CodelistVersion>;
    const entry = { meta: { id: "prove", name: { nb: "Prøve" }, workingGroup: "x" }, versions: [version] } as unknown as CodelistEntry;
    const ttl = codelistVersionToXkos(entry, version, SITE, undefined);
    const concepts = parse(ttl).filter((q) => q.predicate.value === `${SKOS}notation`).map((q) => [q.object.value, q.subject.value]);
    expect(concepts).toEqual(codes.map((c) => [c, `${SITE}/kodelister/prove/2030/#kode-${encodeURIComponent(c)}`]));
    expect(ttl).toContain("kode:1.34 ");
    expect(ttl).toContain("kode:050 ");
    expect(ttl).toContain(`<${SITE}/kodelister/prove/2030/#kode-1.>`);
  });

  it("gives a hierarchical list its levels, in order, each with the codes at its depth", () => {
    const scheme = `${SITE}/kodelister/flytting-arsak-fra/2022/`;
    const quads = parse(text("codelists/flytting-arsak-fra/2022.xkos.ttl"));
    const one = (s: string, p: string) => quads.find((q) => q.subject.value === s && q.predicate.value === p)?.object.value;
    expect(one(scheme, `${XKOS}numberOfLevels`)).toBe("3");
    const levels: string[] = [];
    for (let cell = one(scheme, `${XKOS}levels`); cell && cell !== `${RDF}nil`; cell = one(cell, `${RDF}rest`)) levels.push(one(cell, `${RDF}first`)!);
    expect(levels.map((l) => one(l, `${XKOS}depth`))).toEqual(["1", "2", "3"]);
    const members = (level: string) => quads.filter((q) => q.subject.value === level && q.predicate.value === `${SKOS}member`).map((q) => q.object.value.split("#kode-")[1]);
    expect(members(levels[0]!)).toEqual(["1", "2"]);
    expect(members(levels[1]!)).toContain("1.1");
    expect(members(levels[2]!)).toContain("1.1.1");
  });

  it("writes a version's correspondences as an xkos:Correspondence of concept associations with their change type", () => {
    const quads = parse(text("codelists/saksinnhold/2021.xkos.ttl"));
    const k = `${SITE}/kodelister/saksinnhold/2021/#overgang`;
    const of = (s: string, p: string) => quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object.value);
    expect(of(k, `${XKOS}compares`).sort()).toEqual([`${SITE}/kodelister/saksinnhold/2018/`, `${SITE}/kodelister/saksinnhold/2021/`]);
    const split = of(k, `${XKOS}madeOf`).find((a) => of(a, `${XKOS}sourceConcept`).includes(`${SITE}/kodelister/saksinnhold/2018/#kode-4`))!;
    expect(of(split, `${XKOS}targetConcept`).map((t) => t.split("#kode-")[1])).toEqual(["20", "21", "22", "23"]);
    expect(of(split, `${DCT}type`)).toEqual(["https://data.norge.no/vocabulary/xkosno#ItemBreakdown"]);
    expect(of(`${SITE}/kodelister/saksinnhold/2021/`, `${XKOS}supersedes`)).toEqual([`${SITE}/kodelister/saksinnhold/2018/`]);
  });
});
