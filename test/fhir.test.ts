import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { versionAt, type Registry } from "../src/lib/model/registry.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import { FHIR_CANONICAL_BASE, canonicalBaseProblem, codelistToFhirCodeSystem, correspondenceComment, correspondencesToFhirConceptMap } from "../src/lib/export/fhir.ts";
import { checkSchema, formatIssue, validateFhir, type FhirValidation } from "./fhir-validator.ts";

type Resource = Record<string, any>;

let registry: Registry;
/** Every distinct FHIR export of the bundled content, by its first path, with its validation. */
const exported = new Map<string, { resource: Resource; result: FhirValidation }>();
const byPath = new Map<string, Resource>();

/** The FHIR files of an export run, by path. */
function fhirFiles(siteUrl: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of exportFiles(registry, siteUrl)) if (f.format === "fhir-json") files.set(f.path, String(f.content));
  return files;
}

beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
  const seen = new Set<string>();
  for (const [path, content] of fhirFiles("https://kostra-registeret.example")) {
    const resource = JSON.parse(content) as Resource;
    byPath.set(path, resource);
    // A version in force for several years is the same bytes under each year: validated once.
    if (seen.has(content)) continue;
    seen.add(content);
    exported.set(path, { resource, result: validateFhir(resource) });
  }
}, 300_000);

const real = (path: string) => structuredClone(byPath.get(path)!);

describe("FHIR R5 exports of the bundled content", () => {
  it("cover every exported codelist version as a CodeSystem and every correspondence set as a ConceptMap", () => {
    const codeSystems = new Set<string>();
    const conceptMaps = new Set<string>();
    for (const entry of registry.codelists.values()) {
      for (const year of registry.yearsOf(entry)) {
        const version = versionAt(entry, year)!;
        codeSystems.add(`${entry.meta.id}-${version.year}`);
        const previous = entry.versions[entry.versions.indexOf(version) - 1];
        if (previous && version.data.correspondences?.length) conceptMaps.add(`${entry.meta.id}-${previous.year}-${version.year}`);
      }
    }
    const ids = (type: string) => new Set([...exported.values()].filter((e) => e.resource.resourceType === type).map((e) => e.resource.id));
    expect(ids("CodeSystem")).toEqual(codeSystems);
    expect(ids("ConceptMap")).toEqual(conceptMaps);
    expect(conceptMaps.size).toBeGreaterThan(0);
  });

  it("are valid under the R5 JSON Schema and the StructureDefinitions' elements and cardinalities", () => {
    const failures = [...exported].flatMap(([path, { result }]) => [...result.schemaErrors, ...result.structureErrors].map((e) => `${path}: ${e}`));
    expect(failures).toEqual([]);
  });

  it("hold every R5 invariant of their resource, base resources and datatypes: no error, no warning", () => {
    const problems = [...exported].flatMap(([path, { result }]) => result.issues.map((i) => `${path}: ${formatIssue(i)}`));
    expect(problems).toEqual([]);
    const keys = new Set([...exported.values()].flatMap((e) => [...e.result.keys]));
    // The runner really reached the rules this issue is about, and those of the base types and narrative.
    for (const key of ["ele-1", "dom-2", "dom-3", "dom-6", "cnl-0", "cnl-1", "csd-1", "csd-2", "cmd-1", "cmd-5", "cmd-7", "txt-1", "txt-2", "cod-1"]) expect(keys, key).toContain(key);
    const evaluations = [...exported.values()].reduce((n, e) => n + e.result.evaluations, 0);
    expect(evaluations).toBeGreaterThan(1000);
  });

  it("use canonical URLs without fragment, on the site's address, never a loopback one", () => {
    for (const { resource } of exported.values()) {
      expect(resource.url).toMatch(/^https?:\/\/[^|# ]+$/);
      expect(resource.url).not.toMatch(/localhost|127\.0\.0\.1/);
      expect(resource.url.startsWith(`${FHIR_CANONICAL_BASE}/${resource.resourceType}/`)).toBe(true);
    }
    expect(byPath.get("codelists/plantype/2023.fhir.json")!.url).toBe(`${FHIR_CANONICAL_BASE}/CodeSystem/plantype`);
    // Another site address gives the same FHIR bytes but for the address.
    const elsewhere = fhirFiles("https://kostra.test.example");
    expect(JSON.parse(elsewhere.get("codelists/plantype/2023.fhir.json")!).url).toBe("https://kostra.test.example/fhir/CodeSystem/plantype");
    for (const [path, resource] of byPath) expect(JSON.parse(elsewhere.get(path)!.replaceAll("https://kostra.test.example", "https://kostra-registeret.example")), path).toEqual(resource);
    expect(() => fhirFiles("http://localhost:4321")).toThrow(/loopback/);
  });

  it("name resources in PascalCase from the codelist id and title them for people", () => {
    expect(byPath.get("codelists/tiltak-kategori/2023.fhir.json")).toMatchObject({ name: "TiltakKategori2023", title: "Tiltakskategori", version: "2023" });
    expect(byPath.get("codelists/saksinnhold/2021.conceptmap.fhir.json")).toMatchObject({ name: "Saksinnhold2018Til2021", title: "Saksinnhold: overgang fra 2018 til 2021" });
  });

  it("comment every mapping with a sentence made from the correspondence", () => {
    const cm = byPath.get("codelists/saksinnhold/2021.conceptmap.fhir.json")!;
    expect(cm.group[0].source).toBe(`${byPath.get("codelists/saksinnhold/2018.fhir.json")!.url}|2018`);
    expect(cm.group[0].target).toBe(`${byPath.get("codelists/saksinnhold/2021.fhir.json")!.url}|2021`);
    const four = cm.group[0].element.find((e: Resource) => e.code === "4");
    expect(four.target.map((t: Resource) => t.code)).toEqual(["20", "21", "22", "23"]);
    for (const t of four.target) expect(t).toMatchObject({ relationship: "source-is-broader-than-target", comment: "Koden 4 ble delt i 20, 21, 22 og 23 fra 2021." });
    for (const { resource } of exported.values()) {
      if (resource.resourceType !== "ConceptMap") continue;
      for (const e of resource.group[0].element) for (const t of e.target) expect(t.comment).toMatch(/^Kode(n|ne) .+ fra \d{4}\.$/);
    }
    expect(correspondenceComment({ type: "merged", from: ["1", "2", "3"], to: ["7"] }, 2022)).toBe("Kodene 1, 2 og 3 ble slått sammen til 7 fra 2022.");
    expect(correspondenceComment({ type: "replaced-by", from: ["3"], to: ["8"] }, 2024)).toBe("Koden 3 ble erstattet av 8 fra 2024.");
  });
});

describe("the FHIR canonical base", () => {
  it("is, without a site address, on the placeholder under the reserved .example domain, fit for canonical URLs", () => {
    expect(FHIR_CANONICAL_BASE).toBe("https://kostra-registeret.example/fhir");
    expect(canonicalBaseProblem(FHIR_CANONICAL_BASE)).toBeUndefined();
  });

  it("refuses a base that is not a stable canonical URL, the site's default address among them", () => {
    for (const bad of ["http://localhost:4321", "http://127.0.0.1/fhir", "https://x.test/fhir#a", "https://x.test/a|b", "https://x.test/?v=1", "https://x.test/fhir/", "ftp://x.test/fhir", "kostra"]) {
      expect(canonicalBaseProblem(bad), bad).toBeDefined();
    }
    const entry = registry.codelists.get("saksinnhold")!;
    expect(() => codelistToFhirCodeSystem(entry, entry.versions[0]!, "http://localhost:4321")).toThrow(/loopback/);
    expect(() => correspondencesToFhirConceptMap(entry, entry.versions[0]!, entry.versions[1]!, "https://x.test/fhir#")).toThrow(/must not contain/);
  });
});

describe("the FHIR validator catches what it should", () => {
  it("a ConceptMap with a broader mapping without comment fails cmd-1 (error)", () => {
    const cm = real("codelists/saksinnhold/2021.conceptmap.fhir.json");
    delete cm.group[0].element[0].target[0].comment;
    const { errors } = validateFhir(cm);
    expect(errors.map((e) => `${e.key} ${e.location}`)).toEqual(["cmd-1 ConceptMap.group[0].element[0].target[0]"]);
    // A draft map may leave it out.
    expect(validateFhir({ ...cm, status: "draft" }).errors).toEqual([]);
  });

  it("a CodeSystem with a lowercase name fails cnl-0 as a warning, and a URL with a fragment cnl-1", () => {
    const cs = real("codelists/tiltak-kategori/2023.fhir.json");
    const lower = validateFhir({ ...cs, name: "tiltak_kategori_2023" });
    expect(lower.errors).toEqual([]);
    expect(lower.warnings.map((w) => w.key)).toEqual(["cnl-0"]);
    const fragment = validateFhir({ ...cs, url: `${cs.url}#x` });
    expect(fragment.warnings.map((w) => `${w.key} ${w.location}`)).toEqual(["cnl-1 CodeSystem.url[0]"]);
  });

  it("a resource with an unknown property fails the JSON Schema", () => {
    const cs = real("codelists/plantype/2023.fhir.json");
    expect(checkSchema({ ...cs, kodeverk: "KOSTRA" }).length).toBeGreaterThan(0);
    const nested = real("codelists/plantype/2023.fhir.json");
    nested.concept[0].label = "x";
    expect(checkSchema(nested).length).toBeGreaterThan(0);
    expect(validateFhir(nested).structureErrors).toEqual(["CodeSystem.concept[0].label: not an element of CodeSystem.concept"]);
  });

  it("a missing required element fails the cardinality check (the R5 JSON Schema requires only resourceType)", () => {
    const cm = real("codelists/saksinnhold/2021.conceptmap.fhir.json");
    delete cm.status;
    delete cm.group[0].element[0].target[0].relationship;
    expect(checkSchema(cm)).toEqual([]);
    expect(validateFhir(cm).structureErrors).toEqual(["ConceptMap.status: required (min 1), missing", "ConceptMap.group[0].element[0].target[0].relationship: required (min 1), missing"]);
  });

  it("an empty element fails ele-1, and a narrative with a script or no text fails txt-1 or txt-2", () => {
    const cs = real("codelists/plantype/2023.fhir.json");
    expect(validateFhir({ ...cs, meta: {} }).errors.map((e) => `${e.key} ${e.location}`)).toEqual(["ele-1 CodeSystem.meta[0]"]);
    const div = (body: string) => ({ ...cs, text: { status: "generated", div: `<div xmlns="http://www.w3.org/1999/xhtml">${body}</div>` } });
    expect(validateFhir(div("<p>x</p><script>alert(1)</script>")).errors.map((e) => e.key)).toContain("txt-1");
    expect(validateFhir(div(" ")).errors.map((e) => e.key)).toContain("txt-2");
    const noText = structuredClone(cs);
    delete noText.text;
    expect(validateFhir(noText).warnings.map((w) => `${w.key}${w.bestPractice ? " (best practice)" : ""}`)).toEqual(["dom-6 (best practice)"]);
  });

  it("a CodeSystem whose nested concepts repeat a code fails csd-1", () => {
    const cs = real("codelists/flytting-arsak-fra/2022.fhir.json");
    cs.concept[0].concept[0].concept[0].code = cs.concept[1].code;
    expect(validateFhir(cs).errors.map((e) => e.key)).toEqual(["csd-1"]);
  });
});
