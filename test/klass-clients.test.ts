import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/lib/load/load-content.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { versionAt, type Registry } from "../src/lib/model/registry.ts";
import { exportFiles } from "../src/lib/export/write.ts";
import { klassClassificationList, klassCorrespondences, klassDocuments, klassNumber, klassVersionsIndex } from "../src/lib/export/klass-api.ts";
import { klassCatalogue } from "../src/lib/export/klass-catalogue.ts";
import { startServer, type SiteServer } from "../src/lib/serve/server.ts";
import { validateContent } from "../src/lib/validate/index.ts";
import { fixtureWith, tempDir } from "./helpers.ts";

/**
 * SSB's KLASS clients against `kostra serve`, function by function, without Python or R: each
 * client function's requests are recorded below as the client's source builds them
 * (ssb-klass-python's klass/requests/klass_requests.py and classes/, klassR's R/Klass_list.R and
 * R/Hent_data.R), sent to the real server over a site holding the KLASS documents of the bundled
 * content, and the answers checked for the fields each function reads. docs/api.md has the table
 * of which client functions work.
 *
 * The site here is written from the export functions the build calls (the static API's
 * `*.klass.json`, and the KLASS documents of src/pages/api/klass/v1/), which keeps this test to
 * seconds; test/klass-server.test.ts drives the same server over a real build.
 */

/** The address the site is built for: links the server answers must not keep it. */
const BUILT_FOR = "https://kostra.example";

let registry: Registry;
let server: SiteServer;
let base = "";
const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

function write(dist: string, path: string, content: string) {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), content);
}

/** The part of a built site the KLASS query API reads. */
function writeKlassSite(dist: string) {
  for (const f of exportFiles(registry, BUILT_FOR)) if (f.path.endsWith(".klass.json")) write(dist, `api/v1/${f.path}`, f.content as string);
  const k = "api/klass/v1";
  for (const { key, entry, routes, classification } of klassDocuments(registry, BUILT_FOR)) {
    write(dist, `${k}/classifications/${key}/index.json`, json(classification));
    write(dist, `${k}/classifications/${key}/routes.json`, json(routes));
    for (const year of routes.correspondences) write(dist, `${k}/classifications/${key}/correspondsAt/${year}.json`, json(klassCorrespondences(entry, versionAt(entry, year)!)));
  }
  write(dist, `${k}/classifications.json`, json(klassClassificationList(registry, BUILT_FOR)));
  write(dist, `${k}/versions.json`, json(klassVersionsIndex(registry, BUILT_FOR)));
  write(dist, `${k}/catalogue.json`, json(klassCatalogue(registry, BUILT_FOR)));
}

beforeAll(async () => {
  ({ registry } = await loadContent(BUNDLED_CONTENT_ROOT));
  const dist = tempDir("klass-site");
  writeKlassSite(dist);
  server = await startServer({ dist, port: 0 });
  base = `${server.url}/api/klass/v1/`;
}, 120_000);

afterAll(() => server?.close());

async function get(path: string, status = 200) {
  const res = await fetch(base + path);
  expect(res.status, path).toBe(status);
  return res.json();
}
/** The last part of a link, as both clients read ids: ssb-klass-python int() of its last part after "/", klassR gsub() of all up to the last "/". */
const lastPart = (href: string) => href.split("/").at(-1)!;
const isWholeNumber = (text: string) => /^\d+$/.test(text);

const SAKSINNHOLD = 900011;

describe("numeric ids: every codelist answers to a number, and still to its id", () => {
  it("gives each bundled codelist a number, unique, outside KLASS's own range unless it is SSB's", () => {
    const numbers = [...registry.codelists.values()].map((e) => klassNumber(e));
    expect(numbers.every((n) => Number.isSafeInteger(n))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const e of registry.codelists.values()) if (e.meta.klassId === undefined) expect(e.meta.numericId).toBeGreaterThanOrEqual(900001);
    expect(registry.codelists.get("saksinnhold")!.meta.numericId).toBe(SAKSINNHOLD);
  });

  it("answers the classification by number and by id alike, with the number as its id and in its link", async () => {
    const byNumber = await get(`classifications/${SAKSINNHOLD}?language=nb&includeFuture=false`);
    const byId = await get("classifications/saksinnhold");
    expect(byNumber).toEqual(byId);
    expect(byNumber.id).toBe(SAKSINNHOLD);
    expect(byNumber._links.self.href).toBe(`${base}classifications/${SAKSINNHOLD}`);
    const codes = await get(`classifications/${SAKSINNHOLD}/codesAt?date=2022-01-01&language=nb`);
    expect(codes).toEqual(await get("classifications/saksinnhold/codesAt?date=2022-01-01"));
  });

  it("lists the classifications with links that end in their numbers", async () => {
    const list = await get("classifications");
    for (const c of list._embedded.classifications) {
      expect(isWholeNumber(lastPart(c._links.self.href)), c.name).toBe(true);
      expect(typeof c.id).toBe("number");
    }
  });

  it("takes the number as targetClassificationId, which ssb-klass-python requires to be whole", async () => {
    // KlassCorrespondence(source_classification_id=…, target_classification_id=…, from_date=…): klass_requests.corresponds
    const body = await get(`classifications/${SAKSINNHOLD}/corresponds?targetClassificationId=${SAKSINNHOLD}&from=2020-01-01&language=nb`);
    expect(body.correspondenceItems.length).toBeGreaterThan(0);
    await get(`classifications/${SAKSINNHOLD}/correspondsAt?targetClassificationId=${SAKSINNHOLD}&date=2021-06-01&language=nb`);
  });

  it("refuses a number twice in the content, in validate", async () => {
    const root = fixtureWith();
    const file = join(root, "codelists", "farger", "codelist.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^workingGroup: .*$/m, (l) => `${l}\nnumericId: 900001`));
    cpSync(join(root, "codelists", "farger"), join(root, "codelists", "farger-to"), { recursive: true });
    const copy = join(root, "codelists", "farger-to", "codelist.yaml");
    writeFileSync(copy, readFileSync(copy, "utf8").replace(/^id: farger$/m, "id: farger-to").replace(/^name: .*$/m, 'name: { nb: "Farger to" }'));
    const { findings } = await validateContent(root);
    const clash = findings.filter((f) => f.field === "numericId");
    expect(clash).toHaveLength(1);
    expect(clash[0]).toMatchObject({ severity: "error", file: "codelists/farger-to/codelist.yaml", message: 'numericId 900001 is already the numericId of codelist "farger"' });
  });
});

describe("search: classifications/search as KLASS answers it", () => {
  /** ssb-klass-python: KlassSearchClassifications(query) → classification_search (include_codelists defaults to True there). */
  const python = (query: string, codelists = true) => `classifications/search?query=${encodeURIComponent(query)}&includeCodelists=${codelists}`;
  /** klassR: search_klass(query, codelists, size = 20). */
  const klassR = (query: string, codelists = false) => `classifications/search?query=${encodeURIComponent(query)}${codelists ? "&includeCodelists=true" : ""}&size=20`;

  it("finds a list by a word of its name, with a link whose last part is its number (ssb-klass-python's int())", async () => {
    const body = await get(python("saksinnhold"));
    const results = body._embedded.searchResults;
    expect(results[0]).toMatchObject({ name: "Saksinnhold", id: SAKSINNHOLD, language: "nb" });
    expect(Object.keys(results[0])).toEqual(["name", "id", "language", "snippet", "searchScore", "_links"]);
    for (const r of results) expect(isWholeNumber(lastPart(r._links.self.href))).toBe(true);
    expect(Number(lastPart(results[0]._links.self.href))).toBe(SAKSINNHOLD);
    expect(body.page).toMatchObject({ totalElements: results.length, number: 0 });
    expect(body._links.self.href).toMatch(/\/classifications\/search$/);
  });

  it("finds by description and by code names, and by the start of a word", async () => {
    const byWord = (await get(klassR("barnev", true)))._embedded.searchResults.map((r: { name: string }) => r.name);
    expect(byWord).toContain("Saksinnhold");
    // A code that only the codes hold (familievernregion Øst), not the name or description.
    const byCode = (await get(python("667200")))._embedded.searchResults.map((r: { id: number }) => r.id);
    expect(byCode).toEqual([registry.codelists.get("familievern-region-fylke-kontor")!.meta.numericId]);
  });

  it("counts codelists only with includeCodelists=true, as KLASS does; an empty result still has _embedded", async () => {
    const without = await get(klassR("saksinnhold"));
    expect(without._embedded.searchResults).toEqual([]);
    expect(without.page.totalElements).toBe(0);
    expect((await get(python("ingen-slik-liste-finnes")))._embedded.searchResults).toEqual([]);
  });

  it("pages by size and page; a missing query is KLASS's 400", async () => {
    const one = await get("classifications/search?query=barnevern&includeCodelists=true&size=1");
    expect(one._embedded.searchResults).toHaveLength(1);
    expect(one.page.totalElements).toBeGreaterThan(1);
    const problem = await get("classifications/search?includeCodelists=true", 400);
    expect(problem.detail).toMatch(/'query'/);
    await get("classifications/search?query=x&includeCodelists=kanskje", 400);
  });
});

describe("families: classificationfamilies and classificationfamilies/{id}", () => {
  it("lists the working groups' areas as families, counting codelists only when asked (klassR's list_family, ssb-klass-python's KlassSearchFamilies)", async () => {
    const plain = await get("classificationfamilies?language=nb");
    const families = plain._embedded.classificationFamilies;
    expect(families.map((f: { name: string }) => f.name).sort()).toEqual(["Barnevern", "Familievern", "Regnskap", "Sosialtjenesten"].sort());
    for (const f of families) {
      expect(Object.keys(f)).toEqual(["name", "numberOfClassifications", "_links"]);
      expect(isWholeNumber(lastPart(f._links.self.href))).toBe(true);
      expect(f.numberOfClassifications).toBe(0);
    }
    const withCodelists = (await get("classificationfamilies?includeCodelists=true&language=nb"))._embedded.classificationFamilies;
    const total = withCodelists.reduce((n: number, f: { numberOfClassifications: number }) => n + f.numberOfClassifications, 0);
    expect(total).toBe(registry.codelists.size);
  });

  it("gives a family's classifications by its number and by its working group's id (klassR's list_klass and get_family)", async () => {
    const families = (await get("classificationfamilies?includeCodelists=true"))._embedded.classificationFamilies;
    const barnevern = families.find((f: { name: string }) => f.name === "Barnevern");
    const n = lastPart(barnevern._links.self.href);
    const family = await get(`classificationfamilies/${n}?includeCodelists=true&language=nb`);
    expect(family).toEqual(await get("classificationfamilies/barnevern?includeCodelists=true&language=nb"));
    expect(Object.keys(family)).toEqual(["name", "classifications", "_links"]);
    expect(family.classifications).toHaveLength(barnevern.numberOfClassifications);
    const saksinnhold = family.classifications.find((c: { name: string }) => c.name === "Saksinnhold");
    expect(saksinnhold).toMatchObject({ id: SAKSINNHOLD, classificationType: "Kodeliste" });
    expect(lastPart(saksinnhold._links.self.href)).toBe(String(SAKSINNHOLD));
    // ssb-klass-python's KlassFamily(id) asks without includeCodelists: the family, with none of its codelists.
    expect((await get(`classificationfamilies/${n}?includeCodelists=false&language=nb`)).classifications).toEqual([]);
    expect((await get("classificationfamilies/12345", 404)).detail).toMatch(/not found with id = 12345/);
  });
});

describe("correspondences through versions: versions/{id} and correspondencetables/{id}", () => {
  async function versionsOf(key: string | number) {
    const c = await get(`classifications/${key}`);
    return Promise.all(c.versions.map((v: { _links: { self: { href: string } } }) => get(`versions/${lastPart(v._links.self.href)}?language=nb&includeFuture=false`)));
  }

  it("lists the change table in both versions it joins, with KLASS's summary fields (klassR's correspond_list)", async () => {
    const versions = await versionsOf(SAKSINNHOLD);
    const into = versions.find((v) => v.validFrom === "2021-01-01");
    const before = versions.find((v) => v.validFrom === "2018-01-01");
    const after = versions.find((v) => v.validFrom === "2023-01-01");
    expect(into.correspondenceTables).toHaveLength(1);
    const table = into.correspondenceTables[0];
    expect(Object.keys(table)).toEqual(["name", "contactPerson", "owningSection", "source", "sourceId", "target", "targetId", "changeTable", "lastModified", "published", "sourceLevel", "targetLevel", "_links"]);
    expect(table).toMatchObject({ source: before.name, sourceId: before.id, target: into.name, targetId: into.id, changeTable: true, published: ["nb"] });
    expect(before.correspondenceTables).toEqual([table]);
    expect(after.correspondenceTables).toEqual([]);
    expect(isWholeNumber(lastPart(table._links.self.href))).toBe(true);
    expect(lastPart(table._links.source.href)).toBe(String(before.id));
  });

  it("answers correspondencetables/{id} as KLASS does (ssb-klass-python's KlassCorrespondence(correspondence_id=…))", async () => {
    const [, into] = await versionsOf("saksinnhold");
    const n = lastPart(into.correspondenceTables[0]._links.self.href);
    const table = await get(`correspondencetables/${n}?language=nb`);
    expect(Object.keys(table)).toEqual(["name", "id", "contactPerson", "owningSection", "source", "sourceId", "target", "targetId", "changeTable", "lastModified", "published", "sourceLevel", "targetLevel", "description", "changelogs", "correspondenceMaps", "_links"]);
    expect(table.id).toBe(Number(n));
    const items = (await get(`classifications/${SAKSINNHOLD}/correspondsAt?targetClassificationId=${SAKSINNHOLD}&date=2021-01-01`)).correspondenceItems;
    expect(table.correspondenceMaps).toHaveLength(items.length);
    for (const m of table.correspondenceMaps) expect(Object.keys(m)).toEqual(["sourceCode", "sourceName", "targetCode", "targetName"]);
    const codes = table.correspondenceMaps.map((m: { sourceCode: string }) => m.sourceCode);
    expect(codes).toEqual([...codes].sort());
    expect(await get(`correspondenceTables/${n}`)).toEqual(table);
    await get("correspondencetables/1", 404);
  });
});

describe("links point at the server that answered", () => {
  it("never at the address the site was built for, in any KLASS answer a client follows links from", async () => {
    for (const path of [`classifications/${SAKSINNHOLD}`, "classifications", "classifications/search?query=saksinnhold&includeCodelists=true", "classificationfamilies?includeCodelists=true"]) {
      const text = JSON.stringify(await get(path));
      expect(text, path).not.toContain(BUILT_FOR);
      expect(text, path).toContain(base);
    }
  });
});
