import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "./build-site.ts";
import { contentCopy, REPO } from "./helpers.ts";
import { Registry, type CodelistEntry } from "../src/lib/model/registry.ts";
import { klassChanges, klassCodes } from "../src/lib/export/klass.ts";
import { klassRoutes, klassVersionIds } from "../src/lib/export/klass-api.ts";
import { presentationName, selectCodes } from "../src/lib/serve/klass-filters.ts";

/**
 * The KLASS query API of `npm start` (`kostra serve`), driven with every URL shape SSB's KLASS
 * clients send (klassR's MakeUrl, ssb-klass-python's klass_requests.py), by codelist id and by KLASS
 * number, and checked against the JSON fields those clients read. The server is the real CLI on an
 * ephemeral loopback port, over one real build.
 */

const KLASS_NUMBER = 9001;
let dist = "";
let base = "";
let server: ChildProcess | undefined;

beforeAll(async () => {
  // The bundled content, with a KLASS number on saksinnhold (no bundled list has one yet). The
  // published 2022 lock is left out of this copy: it freezes codelist.yaml's metadata with the
  // 2022 exports, and its own rules are tested in reliability.test.ts and published-history.test.ts.
  const content = contentCopy();
  const meta = join(content, "codelists", "saksinnhold", "codelist.yaml");
  writeFileSync(meta, readFileSync(meta, "utf8").replace(/^workingGroup: .*$/m, (line) => `${line}\nklassId: ${KLASS_NUMBER}`));
  rmSync(join(content, "content", "published"), { recursive: true, force: true });
  dist = buildSite(content);
  server = spawn(process.execPath, [join(REPO, "bin", "kostra.js"), "serve", "--out", dist, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  base = await new Promise<string>((done, failed) => {
    let out = "";
    server!.stdout!.on("data", (d) => {
      out += d;
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) done(`http://127.0.0.1:${m[1]}`);
    });
    server!.stderr!.on("data", (d) => (out += d));
    server!.on("exit", (code) => failed(new Error(`kostra serve exited with ${code}:\n${out}`)));
  });
}, 300_000);

afterAll(() => {
  server?.kill("SIGTERM");
});

const klass = (path: string) => fetch(`${base}/api/klass/v1/${path}`);
async function json(path: string, status = 200) {
  const res = await klass(path);
  expect(res.status, path).toBe(status);
  return res.json();
}
const codesOf = (body: { codes: { code: string }[] }) => body.codes.map((c) => c.code);

/** KLASS's CodeItem, in KLASS's order, with its types (klassR reads code, parentCode, level, name; with notes = TRUE, notes). */
function expectCodeItem(item: Record<string, unknown>, ranged = false) {
  const keys = ["code", "parentCode", "level", "name", "shortName", "presentationName", "validFrom", "validTo", ...(ranged ? ["validFromInRequestedRange", "validToInRequestedRange"] : []), "notes"];
  expect(Object.keys(item)).toEqual(keys);
  expect(typeof item.code).toBe("string");
  expect(item.parentCode === null || typeof item.parentCode === "string").toBe(true);
  expect(item.level).toMatch(/^\d+$/);
  for (const k of ["name", "shortName", "presentationName", "notes"]) expect(typeof item[k]).toBe("string");
  expect(item.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(item.validTo === null || /^\d{4}-\d{2}-\d{2}$/.test(item.validTo as string)).toBe(true);
}

describe("classifications/{id}: the classification with its versions", () => {
  it("answers by codelist id and by KLASS number, with versions a client can number", async () => {
    const byId = await json("classifications/saksinnhold?language=nb&includeFuture=false");
    const byNumber = await json(`classifications/${KLASS_NUMBER}`);
    for (const c of [byId, byNumber]) {
      expect(c).toMatchObject({ name: "Saksinnhold", classificationType: "Kodeliste", primaryLanguage: "nb", copyrighted: false });
      expect(typeof c.lastModified).toBe("string");
      expect(c.versions.map((v: { validFrom: string }) => v.validFrom)).toEqual(["2018-01-01", "2021-01-01", "2022-01-01", "2023-01-01", "2024-01-01"]);
      for (const v of c.versions) {
        expect(v).toMatchObject({ name: expect.any(String), lastModified: expect.any(String), published: ["nb"] });
        // ssb-klass-python: int(ver["_links"]["self"]["href"].split("/")[-1]); klassR's get_version the same as text.
        expect(v._links.self.href).toMatch(/\/api\/klass\/v1\/versions\/\d+$/);
      }
      // KLASS leaves validTo out of the version in force; klassR fills it with tomorrow.
      expect(c.versions.at(-1).validTo).toBeUndefined();
      expect(c.versions[0].validTo).toBe("2021-01-01");
      expect(Object.keys(c._links)).toEqual(expect.arrayContaining(["self", "codes", "codesAt", "changes", "correspondsAt", "corresponds"]));
    }
    expect(byNumber.id).toBe(KLASS_NUMBER);
    expect(byNumber.versions).toEqual(byId.versions);
  });

  it("versions/{n}: the version with its codes and levels (ssb-klass-python's get_version, klassR's get_name)", async () => {
    const c = await json("classifications/saksinnhold");
    const n = c.versions[1]._links.self.href.split("/").at(-1);
    const v = await json(`versions/${n}?language=nb&includeFuture=false`);
    expect(v).toMatchObject({ name: "Saksinnhold 2021", id: Number(n), validFrom: "2021-01-01", validTo: "2022-01-01", changelogs: [], levels: [{ levelNumber: 1, levelName: "Nivå 1" }] });
    // 2021 declares correspondences from 2018's codes: its change table (test/klass-clients.test.ts has the fields).
    expect(v.correspondenceTables.map((t: { source: string; target: string }) => [t.source, t.target])).toEqual([["Saksinnhold 2018", "Saksinnhold 2021"]]);
    expect(Object.keys(v.classificationItems[0])).toEqual(["code", "parentCode", "level", "name", "shortName", "notes"]);
    expect(v.classificationItems.map((i: { code: string }) => i.code)).not.toContain("4");
    expect((await klass("versions/123")).status).toBe(404);
  });

  it("search, families and change tables answer from what the real build wrote (test/klass-clients.test.ts has their shapes)", async () => {
    const found = (await json("classifications/search?query=saksinnhold&includeCodelists=true"))._embedded.searchResults;
    expect(found[0]).toMatchObject({ name: "Saksinnhold", id: KLASS_NUMBER });
    expect(found[0]._links.self.href).toBe(`${base}/api/klass/v1/classifications/${KLASS_NUMBER}`);
    const families = (await json("classificationfamilies?includeCodelists=true"))._embedded.classificationFamilies;
    expect(families.map((f: { name: string }) => f.name)).toContain("Barnevern");
    const v = await json(`classifications/${KLASS_NUMBER}`);
    const table = (await json(`versions/${v.versions[1]._links.self.href.split("/").at(-1)}`)).correspondenceTables[0];
    expect((await json(`correspondencetables/${table._links.self.href.split("/").at(-1)}`)).correspondenceMaps.length).toBeGreaterThan(0);
  });

  it("classifications: the list, each with its link", async () => {
    const list = await json("classifications");
    const names = list._embedded.classifications.map((c: { name: string }) => c.name);
    expect(names).toContain("Saksinnhold");
    expect(list._embedded.classifications.every((c: { _links: { self: { href: string } } }) => c._links.self.href.includes("/api/klass/v1/classifications/"))).toBe(true);
  });
});

describe("classifications/{id}/codesAt?date=: the codes valid on the date", () => {
  it("leaves out a code from the year of its withdrawal (saksinnhold 4, 13, 16 from 2021)", async () => {
    const before = await json("classifications/saksinnhold/codesAt?date=2020-06-30&language=nb");
    expect(codesOf(before)).toEqual(expect.arrayContaining(["4", "13", "16"]));
    for (const date of ["2021-01-01", "2022-05-17", "2024-12-31"]) {
      const after = await json(`classifications/${KLASS_NUMBER}/codesAt?date=${date}&language=nb`);
      expect(codesOf(after), date).not.toContain("4");
      expect(codesOf(after), date).not.toContain("13");
      expect(codesOf(after), date).not.toContain("16");
      expect(codesOf(after)).toContain("20");
    }
    // After the registry's last year the list in force goes on; before its first there are none, as in KLASS.
    expect(codesOf(await json("classifications/saksinnhold/codesAt?date=2030-01-01"))).toContain("36");
    expect(await json("classifications/saksinnhold/codesAt?date=2010-01-01")).toEqual({ codes: [] });
  });

  it("has KLASS's fields and values: presentationName empty unless a pattern is asked for, notes on one line, sorted by code", async () => {
    const { codes } = await json("classifications/saksinnhold/codesAt?date=2022-01-01");
    for (const c of codes) expectCodeItem(c);
    expect(codes[0]).toMatchObject({ code: "1", parentCode: null, level: "1", name: "Foreldres somatiske sykdom", presentationName: "", validFrom: "2022-01-01", validTo: "2023-01-01" });
    expect(codesOf({ codes })).toEqual([...codesOf({ codes })].sort());
    const named = await json(`classifications/saksinnhold/codesAt?date=2022-01-01&presentationNamePattern=${encodeURIComponent("{code} - {uppercase(name)}")}`);
    expect(named.codes[0].presentationName).toBe("1 - FORELDRES SOMATISKE SYKDOM");
    const art = await json("classifications/kostra-art/codesAt?date=2022-01-01");
    const noted = art.codes.filter((c: { notes: string }) => c.notes);
    expect(noted.length).toBeGreaterThan(0);
    for (const c of noted) expect(c.notes).not.toMatch(/\n/);
  });

  it("selectLevel and selectCodes, as the clients pass them; the deprecated .json suffix", async () => {
    const flytting = await json("classifications/flytting-arsak-fra/codesAt.json?date=2022-01-01&selectLevel=3");
    expect(flytting.codes.length).toBeGreaterThan(0);
    expect(flytting.codes.every((c: { level: string }) => c.level === "3")).toBe(true);
    expect(codesOf(await json("classifications/saksinnhold/codesAt?date=2022-01-01&selectCodes=1,2*,30-31"))).toEqual(["1", "2", "20", "21", "22", "23", "24", "25", "26", "27", "28"]);
  });
});

describe("classifications/{id}/codes?from=&to=: the codes of a range of several years", () => {
  it("gives each code its validity and the part of the range it is valid in, one item while it is unchanged", async () => {
    const { codes } = await json("classifications/saksinnhold/codes?from=2019-01-01&to=2023-01-01&language=nb");
    for (const c of codes) expectCodeItem(c, true);
    const item = (code: string) => codes.filter((c: { code: string }) => c.code === code);
    expect(item("1")).toEqual([expect.objectContaining({ validFrom: "2018-01-01", validTo: "2023-01-01", validFromInRequestedRange: "2019-01-01", validToInRequestedRange: "2023-01-01" })]);
    expect(item("4")).toEqual([expect.objectContaining({ validTo: "2021-01-01", validFromInRequestedRange: "2019-01-01", validToInRequestedRange: "2021-01-01" })]);
    expect(item("20")).toEqual([expect.objectContaining({ validFromInRequestedRange: "2021-01-01", validToInRequestedRange: "2023-01-01" })]);
    expect(item("28")).toEqual([expect.objectContaining({ validFromInRequestedRange: "2022-01-01" })]);
    // A renamed code is two items, one for each name.
    expect(item("9").map((c: { name: string; validToInRequestedRange: string }) => [c.name, c.validToInRequestedRange])).toEqual([
      ["Barnet utsatt for fysisk mishandling", "2021-01-01"],
      ["Barnet utsatt for fysisk vold", "2023-01-01"],
    ]);
  });

  it("without to: open-ended from the date on", async () => {
    const { codes } = await json(`classifications/${KLASS_NUMBER}/codes?from=2024-01-01`);
    expect(codes.find((c: { code: string }) => c.code === "36")).toMatchObject({ validTo: null, validFromInRequestedRange: "2024-01-01", validToInRequestedRange: null });
  });
});

describe("classifications/{id}/changes?from=&to=: the changes of a range of several years", () => {
  it("has every change with both codes' names, also for splits, and a withdrawal without successor", async () => {
    // klassR asks for changes between two dates with a day added to the second: to=2023-01-02.
    for (const path of ["classifications/saksinnhold/changes?from=2020-01-01&to=2023-01-02&language=nb", `classifications/${KLASS_NUMBER}/changes.json?from=2020-01-01&to=2023-01-02&language=nb`]) {
      const { codeChanges } = await json(path);
      for (const c of codeChanges) {
        expect(Object.keys(c)).toEqual(["oldCode", "oldName", "oldShortName", "newCode", "newName", "newShortName", "changeOccurred"]);
        if (c.oldCode !== null) expect(typeof c.oldName).toBe("string");
        if (c.newCode !== null) expect(typeof c.newName).toBe("string");
      }
      const split = codeChanges.filter((c: { oldCode: string }) => c.oldCode === "4");
      expect(split.map((c: { newCode: string }) => c.newCode)).toEqual(["20", "21", "22", "23"]);
      expect(split[0]).toMatchObject({ oldName: "Foreldres manglende foreldreferdigheter", newName: "Foreldres manglende beskyttelse av barnet", changeOccurred: "2021-01-01" });
      expect(codeChanges.find((c: { oldCode: string }) => c.oldCode === "13")).toMatchObject({ newCode: null, newName: null, changeOccurred: "2021-01-01" });
      expect(new Set(codeChanges.map((c: { changeOccurred: string }) => c.changeOccurred))).toEqual(new Set(["2021-01-01", "2022-01-01", "2023-01-01"]));
    }
  });

  it("counts a change when the range holds the day before it and its day, as KLASS does", async () => {
    expect(await json("classifications/saksinnhold/changes?from=2021-01-01&to=2022-01-01")).toEqual({ codeChanges: [] });
    const { codeChanges } = await json("classifications/saksinnhold/changes?from=2023-06-01");
    expect(new Set(codeChanges.map((c: { changeOccurred: string }) => c.changeOccurred))).toEqual(new Set(["2024-01-01"]));
  });
});

describe("classifications/{id}/correspondsAt and corresponds: where the content has correspondences", () => {
  it("gives the version's correspondences, from the codes before to its own, by id and KLASS number", async () => {
    for (const path of [`classifications/saksinnhold/correspondsAt?targetClassificationId=${KLASS_NUMBER}&date=2021-03-01&language=nb`, "classifications/9001/correspondsAt?targetClassificationId=saksinnhold&date=2021-03-01"]) {
      const { correspondenceItems } = await json(path);
      for (const i of correspondenceItems) expect(Object.keys(i)).toEqual(["sourceCode", "sourceName", "sourceShortName", "targetCode", "targetName", "targetShortName"]);
      expect(correspondenceItems.map((i: { sourceCode: string; targetCode: string }) => `${i.sourceCode}>${i.targetCode}`).sort()).toEqual(["16>25", "16>26", "4>20", "4>21", "4>22", "4>23"]);
      expect(correspondenceItems.find((i: { targetCode: string }) => i.targetCode === "25")).toMatchObject({ sourceName: "Barnets atferd/ kriminalitet", targetName: "Barnets atferd" });
    }
    const inverted = await json("classifications/saksinnhold/correspondsAt?targetClassificationId=saksinnhold&date=2021-03-01&inverted=true");
    expect(inverted.correspondenceItems[0]).toMatchObject({ targetCode: "16", sourceCode: "25" });
  });

  it("corresponds over a range gives each item its validity", async () => {
    const { correspondenceItems } = await json("classifications/saksinnhold/corresponds?targetClassificationId=saksinnhold&from=2020-01-01&to=2024-01-01");
    expect(correspondenceItems).toHaveLength(6);
    expect(correspondenceItems[0]).toMatchObject({ validFrom: "2021-01-01", validTo: "2022-01-01" });
  });

  it("answers KLASS's 404 where there is no table: the text klassR looks for", async () => {
    for (const path of ["classifications/saksinnhold/correspondsAt?targetClassificationId=vedtaksgrunnlag&date=2021-03-01", "classifications/saksinnhold/correspondsAt?targetClassificationId=saksinnhold&date=2019-03-01"]) {
      const res = await klass(path);
      expect(res.status).toBe(404);
      expect((await res.json()).detail).toMatch(/has no correspondence table with Classification/);
    }
  });
});

describe("errors, as KLASS gives them", () => {
  it("an unknown id is 404 with a problem detail that says not found", async () => {
    for (const path of ["classifications/99999", "classifications/99999/codesAt?date=2022-01-01", "classifications/finnes-ikke/changes?from=2020-01-01", "classifications/saksinnhold/correspondsAt?targetClassificationId=12345&date=2021-01-01"]) {
      const res = await klass(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = await res.json();
      expect(body).toMatchObject({ type: "about:blank", title: "Not Found", status: 404 });
      expect(body.detail).toMatch(/^Classification not found with id = /);
    }
  });

  it("a bad or missing date, a range that ends before it starts, a bad parameter: 400", async () => {
    for (const path of [
      "classifications/saksinnhold/codesAt?date=2022-13-01",
      "classifications/saksinnhold/codesAt?date=2022-02-30",
      "classifications/saksinnhold/codesAt?date=idag",
      "classifications/saksinnhold/codesAt",
      "classifications/saksinnhold/codes?to=2022-01-01",
      "classifications/saksinnhold/codes?from=2023-01-01&to=2022-01-01",
      "classifications/saksinnhold/changes?from=01.01.2022",
      "classifications/saksinnhold/correspondsAt?date=2021-01-01",
      "classifications/saksinnhold/codesAt?date=2022-01-01&language=de",
      "classifications/saksinnhold/codesAt?date=2022-01-01&includeFuture=kanskje",
      "classifications/saksinnhold/codesAt?date=2022-01-01&selectLevel=én",
    ]) {
      const res = await klass(path);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ title: "Bad Request", status: 400, detail: expect.any(String) });
    }
  });

  it("changedSince that is no date and time: 400, as KLASS answers it", async () => {
    for (const value of ["garbage", "2024-01-01", "2024-02-30T00:00:00.000+01:00", "2024-01-01T25:00:00.000Z", "2024-01-01 00:00:00.000+0100"]) {
      const res = await klass(`classifications?changedSince=${encodeURIComponent(value)}`);
      expect(res.status, value).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toEqual({ type: "about:blank", title: "Bad Request", status: 400, detail: expect.stringContaining(`changedSince must be a date and time written yyyy-MM-dd'T'HH:mm:ss.SSSXXX (2015-10-31T01:30:00.000-02:00), not '${value}'`), instance: "/api/klass/v1/classifications" });
    }
  });

  it("changedSince in KLASS's spellings: the classifications changed after it", async () => {
    const all = await json("classifications");
    const names = (list: { _embedded: { classifications: { name: string }[] } }) => list._embedded.classifications.map((c) => c.name);
    // KLASS's own examples (its tests): both offsets, with and without a colon.
    expect(await json(`classifications?changedSince=${encodeURIComponent("2015-10-31T01:30:00.000-02:00")}`)).toEqual(all);
    expect(await json(`classifications?changedSince=${encodeURIComponent("2015-10-31T01:30:00.000-0200")}`)).toEqual(all);
    // A list is changed when its newest version is: lastModified is that version's 1 January.
    const since2024 = await json(`classifications?changedSince=${encodeURIComponent("2024-01-01T00:59:59.999+01:00")}`);
    const expected = all._embedded.classifications.filter((c: { lastModified: string }) => c.lastModified >= "2024-01-01T00:00:00.000+0000");
    expect(expected.length).toBeGreaterThan(0);
    expect(names(since2024)).toEqual(expected.map((c: { name: string }) => c.name));
    expect(since2024.page).toMatchObject({ totalElements: expected.length, number: 0 });
    const none = await json("classifications?changedSince=2999-01-01T00:00:00.000Z");
    expect(names(none)).toEqual([]);
    expect(none.page.totalElements).toBe(0);
  });

  it("a list asked for in a language it is not written in: KLASS's «not published in language»", async () => {
    const res = await klass("classifications/saksinnhold/codesAt?date=2022-01-01&language=en");
    expect(res.status).toBe(404);
    expect((await res.json()).detail).toMatch(/not published in language: en/);
  });
});

describe("the same mapping as static files", () => {
  it("codesAt answers from the year's static KLASS file, changes from the static changes file", async () => {
    const year = JSON.parse(readFileSync(join(dist, "api", "v1", "codelists", "saksinnhold", "2022.klass.json"), "utf8"));
    expect(await json("classifications/saksinnhold/codesAt?date=2022-08-01")).toEqual({ codes: [...year.codes].sort((a, b) => (a.code < b.code ? -1 : 1)) });
    const changes = JSON.parse(readFileSync(join(dist, "api", "v1", "codelists", "saksinnhold", "changes", "2022-2023.klass.json"), "utf8"));
    expect((await json("classifications/saksinnhold/changes?from=2022-01-01&to=2023-01-02")).codeChanges).toEqual(changes.codeChanges);
    const routes = await json(`classifications/${KLASS_NUMBER}/routes.json`);
    expect(routes).toMatchObject({ codelist: "saksinnhold", klassId: KLASS_NUMBER, years: [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] });
    expect(readFileSync(join(dist, "_redirects"), "utf8")).toMatch(/^\/api\/klass\/v1\/classifications\/:key +\/api\/klass\/v1\/classifications\/:key\/index\.json +200$/m);
  });
});

describe("the site as npm start serves it", () => {
  it("sends the headers of dist/_headers, the CSP first, on pages and the API; never the host's own files", async () => {
    const csp = /^\s+Content-Security-Policy: (.+)$/m.exec(readFileSync(join(dist, "_headers"), "utf8"))![1];
    for (const path of ["/", "/kodelister/saksinnhold/", "/api/v1/index.json", "/api/klass/v1/classifications/saksinnhold"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-security-policy"), path).toBe(csp);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect(csp).toContain("frame-ancestors 'none'");
    for (const path of ["/_headers", "/_redirects", "/finnes-ikke/"]) expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    // The build's marker is in the site, and never served (every spelling: serve-paths.test.ts).
    expect(readFileSync(join(dist, ".kostra-build"), "utf8")).toMatch(/^Built by `kostra build`/);
    expect((await fetch(`${base}/.kostra-build`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: "POST" })).status).toBe(405);
  });

  it("npm start builds and serves, as the README says", () => {
    const start = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).scripts.start;
    expect(start).toBe("node bin/kostra.js build && node bin/kostra.js serve");
    expect(readFileSync(join(REPO, "README.md"), "utf8")).toContain(`\`${start}\``);
  });
});

describe("a code withdrawn inside a version's span (no bundled list has one)", () => {
  // 2018: A, and B deprecated with withdrawnFrom 2020; 2022: A only. The registry covers 2018–2023.
  const entry: CodelistEntry = {
    meta: { id: "liste", name: { nb: "Liste" }, workingGroup: "gruppe", source: "kilde" },
    versions: [
      { year: 2018, data: { source: "kilde", codes: [{ code: "A", name: { nb: "A" } }, { code: "B", name: { nb: "B" }, status: "deprecated", withdrawnFrom: 2020 }] } },
      { year: 2022, data: { source: "kilde", codes: [{ code: "A", name: { nb: "A" } }] } },
      { year: 2023, data: { source: "kilde", codes: [{ code: "A", name: { nb: "A" } }, { code: "C", name: { nb: "C" } }] } },
    ],
  } as CodelistEntry;
  const registry = new Registry({ codelists: new Map([["liste", entry]]), forms: new Map(), workingGroups: new Map(), indicators: new Map(), tables: new Map(), meetings: new Map(), proposals: new Map(), reportTemplates: new Map(), calendars: new Map(), published: new Map(), origins: new Map() });

  it("is valid until its withdrawal and gone from then, with a change row that year", () => {
    expect(klassCodes(entry, 2019).codes.find((c) => c.code === "B")).toMatchObject({ validFrom: "2018-01-01", validTo: "2020-01-01" });
    expect(klassCodes(entry, 2019).codes.find((c) => c.code === "A")).toMatchObject({ validTo: "2022-01-01" });
    expect(klassCodes(entry, 2020).codes.map((c) => c.code)).toEqual(["A"]);
    // The same version stays in force, so the diff has nothing: the row comes from the versions.
    expect(klassChanges([], 2019, 2020, entry).codeChanges).toEqual([{ oldCode: "B", oldName: "B", oldShortName: "", newCode: null, newName: null, newShortName: null, changeOccurred: "2020-01-01" }]);
    expect(klassChanges([], 2020, 2021, entry).codeChanges).toEqual([]);
  });

  it("makes the years that share one list a segment; the last goes on", () => {
    const routes = klassRoutes(registry, entry, klassVersionIds(registry));
    expect(routes.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
    expect(routes.segments).toEqual([
      { from: 2018, to: 2020, year: 2018 },
      { from: 2020, to: 2022, year: 2020 },
      { from: 2022, to: 2023, year: 2022 },
      { from: 2023, to: null, year: 2023 },
    ]);
    expect(routes.versions.map((v) => [v.validFrom, v.validTo])).toEqual([["2018-01-01", "2022-01-01"], ["2022-01-01", "2023-01-01"], ["2023-01-01", null]]);
    expect(new Set(routes.versions.map((v) => v.id)).size).toBe(3);
    expect(routes.versions.every((v) => Number.isSafeInteger(v.id))).toBe(true);
  });
});

describe("KLASS's selectCodes and presentationNamePattern", () => {
  it("selects codes, prefixes and ranges as text, as KLASS does", () => {
    const codes = ["0101", "0104", "0301", "1101", "1103", "3004", "3400", "3401", "3500", "1.1.1"];
    const pick = (s: string) => codes.filter(selectCodes(s));
    expect(pick("0301")).toEqual(["0301"]);
    expect(pick("0301, 11*")).toEqual(["0301", "1101", "1103"]);
    expect(pick("3004-3400")).toEqual(["3004", "3400"]);
    expect(pick("3004-34*")).toEqual(["3004", "3400", "3401"]);
    expect(pick("1.1.1")).toEqual(["1.1.1"]);
    expect(pick("")).toEqual(codes);
    expect(() => selectCodes("01;DROP")).toThrow(/illegal characters/);
  });

  it("builds presentationName from KLASS's patterns, and none without", () => {
    const item = { code: "0101", name: "halden", shortName: "Hld" };
    expect(presentationName(null, item)).toBe("");
    expect(presentationName("{code} - {name}", item)).toBe("0101 - halden");
    expect(presentationName("{code} - {capitalize(name)}", item)).toBe("0101 - Halden");
    expect(presentationName("{uppercase(name)} ({shortname})", item)).toBe("HALDEN (Hld)");
    expect(presentationName("{name} {code}", item)).toBe("halden 0101");
  });
});
