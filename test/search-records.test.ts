import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { versionAt, type Registry } from "../src/lib/model/registry.ts";
import { searchRecords, type SearchRecord } from "../src/lib/search/records.ts";
import { readSearchRecords, writeSearchRecords } from "../src/lib/search/records-file.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { indexRecords } from "../src/lib/search/index-records.ts";
import { partSizes } from "../src/lib/search/index-parts.ts";
import { tempDir } from "./helpers.ts";
import { yearSpan } from "../src/lib/search/year-span.ts";
import { queryVariants } from "../src/lib/search/synonyms.ts";
import { spacedHtml } from "../src/lib/search/indexed-html.ts";
import { hitsOf, titleWeight, TITLE_WEIGHT, PHRASE_WEIGHT, REPLACED_WEIGHT, type ResultData } from "../src/lib/search/hits.ts";

let registry: Registry;
let records: SearchRecord[];
beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
  records = searchRecords(registry);
});

describe("search records of the real content", () => {
  it("give every record its own URL (pagefind keeps one record per URL)", () => {
    expect(new Set(records.map((r) => r.url)).size).toBe(records.length);
  });

  it("file each code under exactly the years it applies, so the year filter is exact", () => {
    const coded = records.filter((r) => r.sections);
    expect(coded.length).toBeGreaterThan(0);
    const yearsOfTitle = new Map<string, Set<string>>();
    for (const r of coded) {
      const entry = registry.codelists.get(r.url.split("/")[2])!;
      for (const section of r.sections!) {
        const key = `${entry.meta.id}|${section.title}`;
        for (const year of r.filters.år) {
          // No year in which the code, so labelled, is not in force.
          expect(versionAt(entry, Number(year))!.data.codes.some((c) => `${c.code} ${c.name.nb}` === section.title), `${key} in ${year}`).toBe(true);
          yearsOfTitle.set(key, (yearsOfTitle.get(key) ?? new Set()).add(year));
        }
      }
    }
    // And no year missing: every year a code is in force, some record has it.
    for (const entry of registry.codelists.values()) {
      for (const year of registry.yearsOf(entry)) {
        for (const c of versionAt(entry, year)!.data.codes) expect(yearsOfTitle.get(`${entry.meta.id}|${c.code} ${c.name.nb}`)?.has(String(year)), `${entry.meta.id} ${c.code} in ${year}`).toBe(true);
      }
    }
  });

  it("hold a code that is the same in many years once, not once per year", () => {
    const sections = records.flatMap((r) => (r.sections ?? []).map((s) => `${r.url.split("/")[2]}|${s.title}|${s.text}`));
    expect(new Set(sections).size).toBe(sections.length);
  });
});

describe("the search records file between the build's steps", () => {
  it("gives back every record unchanged and in order", async () => {
    const file = join(tempDir("records"), "records.jsonl");
    expect(await writeSearchRecords(records, file)).toBe(records.length);
    const back: SearchRecord[] = [];
    for await (const r of readSearchRecords(file)) back.push(r);
    expect(back).toEqual(records);
  });
});

describe("the search index of the records, in parts", () => {
  it("splits the records into parts of at most the given size (a code counting as one) and indexes every record once", async () => {
    const out = tempDir("record-parts");
    const perPart = 150;
    const { records: count, parts } = await indexRecords(records, out, perPart);
    expect(count).toBe(records.length);
    // The same split, by hand: a part closes as soon as it reaches the size.
    let expected = 0;
    let size = 0;
    for (const r of records) {
      size += 1 + (r.sections?.length ?? 0);
      if (size >= perPart) {
        expected++;
        size = 0;
      }
    }
    if (size) expected++;
    expect(parts).toEqual(Array.from({ length: expected }, (_, i) => `poster-${i + 1}`));
    expect(parts.length).toBeGreaterThan(1);
    // pagefind's own count of what each part holds adds up to every record.
    const indexed = parts.map((p) => JSON.parse(readFileSync(join(out, p, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> });
    expect(indexed.reduce((n, e) => n + Object.values(e.languages).reduce((m, l) => m + l.page_count, 0), 0)).toBe(records.length);
  });

  it("takes its part sizes from the environment, and refuses a size that is not a whole number of at least 1", () => {
    expect(partSizes({})).toEqual({ pages: 2500, records: 100_000 });
    expect(partSizes({ KOSTRA_SEARCH_PAGES_PER_PART: "300", KOSTRA_SEARCH_RECORDS_PER_PART: "2000" })).toEqual({ pages: 300, records: 2000 });
    expect(() => partSizes({ KOSTRA_SEARCH_PAGES_PER_PART: "0" })).toThrow(/KOSTRA_SEARCH_PAGES_PER_PART must be a whole number of at least 1, not "0"/);
    expect(() => partSizes({ KOSTRA_SEARCH_RECORDS_PER_PART: "mange" })).toThrow(/KOSTRA_SEARCH_RECORDS_PER_PART/);
  });
});

describe("what search shows of a code, and how it reads a query", () => {
  it("links each code to the page of the latest year it applies and says its years", () => {
    const tiltak = records.filter((r) => r.url.startsWith("/kodelister/tiltak-kategori/") && r.sections?.some((s) => s.title.startsWith("2.3 ")));
    const byTitle = Object.fromEntries(tiltak.flatMap((r) => r.sections!.filter((s) => s.title.startsWith("2.3 ")).map((s) => [s.title, { url: r.url.split("?")[0], years: r.meta.years }])));
    const latest = registry.yearsOf(registry.codelists.get("tiltak-kategori")!).at(-1);
    expect(byTitle["2.3 Spesialiserte fosterhjem"]).toEqual({ url: `/kodelister/tiltak-kategori/${latest}/`, years: "2024–" });
    expect(byTitle["2.3 Statlige familiehjem (gjelder fosterhjem som staten har ansvar for)"]).toEqual({ url: "/kodelister/tiltak-kategori/2023/", years: "2018–2023" });
  });

  it("writes years as runs, open at the last year", () => {
    expect(yearSpan([2018, 2019, 2020], 2024)).toBe("2018–2020");
    expect(yearSpan([2023, 2024], 2024)).toBe("2023–");
    expect(yearSpan([2018, 2020, 2021], 2024)).toBe("2018, 2020–2021");
    expect(yearSpan([2024], 2024)).toBe("2024–");
  });

  it("searches a query as written and with each synonym in place of its word", () => {
    expect(queryVariants("saksbehandlingstid")).toEqual(["saksbehandlingstid", "behandlingstid", "handsamingstid", "innen tre måneder"]);
    expect(queryVariants("antall meldinger")).toEqual(["antall meldinger", "antall melding", "antall meldingar"]);
    expect(queryVariants("fosterhjem")).toEqual(["fosterhjem"]);
  });

  it("keeps the words of adjacent block elements apart in the indexed page", () => {
    expect(spacedHtml("<dl><dt>Arbeidsgruppe</dt><dd>KOSTRA arbeidsgruppe for barnevern</dd><dt>Gjelder fra</dt></dl>")).toBe("<dl><dt>Arbeidsgruppe</dt> <dd>KOSTRA arbeidsgruppe for barnevern</dd> <dt>Gjelder fra</dt> </dl>");
  });

  it("ranks an indicator above a control of the same score, and a code only where it matches every word", () => {
    const data = (type: string, extra: object = {}) => ({ url: `/${type}/`, excerpt: "<mark>barn</mark> med <mark>tiltak</mark>", meta: { title: type, type }, sub_results: [], ...extra });
    const hits = hitsOf([{ data: data("Kontroll i 15F Barnevern"), score: 1 }, { data: data("Indikator"), score: 0.8 }], "barn med tiltak");
    expect(hits.map((h) => h.type)).toEqual(["Indikator", "Kontroll i 15F Barnevern"]);
    const sub = (title: string, n: number) => ({ url: `/k/2024/#kode-${title}`, title, excerpt: title.split(" ").slice(1, n + 1).map((w) => `<mark>${w}</mark>`).join(" "), weighted_locations: Array.from({ length: n }, () => ({ weight: 10, balanced_score: 1 })) });
    const codes = { url: "/k/2024/", excerpt: "", meta: { title: "K", type: "Kode i K", sections: "ja", years: "2023–" }, sub_results: [sub("1 Barn med tiltak", 3), sub("2 Andre tiltak", 1), sub("3 Tiltak tiltak tiltak", 3)] };
    expect(hitsOf([{ data: codes, score: 1 }], "barn med tiltak").map((h) => [h.title, h.years])).toEqual([["1 Barn med tiltak", "2023–"]]);
  });

  it("scores a code by how much its whole list is about the query, not the record of its years", () => {
    const sub = (code: string, label: string, score = 1) => ({ url: `#kode-${code}`, title: `${code} ${label}`, excerpt: `${code} <mark>fosterhjem</mark>`, weighted_locations: [{ weight: 10, balanced_score: score }] });
    const list = (url: string, type: string, years: string, subs: ReturnType<typeof sub>[]): ResultData => ({ url, excerpt: "", meta: { title: type, type, sections: "ja", years }, sub_results: subs.map((s) => ({ ...s, url: `${url.split("?")[0]}${s.url}` })) });
    // The scores the bundled index gives «fosterhjem»: 2.3, new in 2024, is a record of its own,
    // which scores lower than the record of 2.1, 2.2 and 2.4 of the same list (and its label, ending
    // in the word, matches «fosterhjem.», a little less well).
    const results = [
      { data: list("/kodelister/flytting-til/2026/", "Kode i Flytting til", "2022–", [sub("1", "Fosterhjem i familie og nære nettverk"), sub("2", "Fosterhjem utenfor familie og nære nettverk")]), score: 20.4 },
      { data: list("/kodelister/tiltak-kategori/2026/", "Kode i Tiltakskategori", "2018–", [sub("2.1", "Fosterhjem i familie og nære nettverk"), sub("2.4", "Fosterhjem etter § 4-27")]), score: 19.8 },
      { data: list("/kodelister/tiltak-kategori/2026/?koder=3", "Kode i Tiltakskategori", "2024–", [sub("2.3", "Spesialiserte fosterhjem", 0.76)]), score: 11.1 },
    ];
    const titles = hitsOf(results, "fosterhjem").map((h) => h.title);
    expect(titles.indexOf("2.3 Spesialiserte fosterhjem")).toBeLessThan(titles.indexOf("1 Fosterhjem i familie og nære nettverk"));
    expect(titles.indexOf("2.3 Spesialiserte fosterhjem")).toBeLessThan(titles.indexOf("2.1 Fosterhjem i familie og nære nettverk"));
  });

  it("ranks a discontinued table just below the table that replaces it", () => {
    const table = (n: string, title: string, replacedBy?: string): ResultData => ({ url: `/tabeller/${n}/`, excerpt: "<mark>barn</mark> med <mark>tiltak</mark>", meta: { title: `Tabell ${n}: ${title}`, type: "Tabell", ...(replacedBy && { replacedBy }) }, sub_results: [] });
    const hits = hitsOf(
      [
        { data: table("12238", "Barn med tiltak i løpet av året og per 31. desember, etter tiltakskategori (K)", "/tabeller/13939/"), score: 1 },
        { data: table("12275", "Barn med tiltak i løpet av året og per 31. desember, etter alder og funksjon (K)"), score: 0.95 },
        { data: table("13939", "Barn og unge med tiltak i løpet av året og per 31. desember, etter alder og tiltakskategori (K)"), score: 1 },
      ],
      "barn med tiltak",
    );
    expect(hits.map((h) => h.url)).toEqual(["/tabeller/13939/", "/tabeller/12238/", "/tabeller/12275/"]);
    expect(hits[1].score).toBeCloseTo(hits[0].score * REPLACED_WEIGHT);
    // A table that replaces one the query does not find keeps its own score.
    expect(hitsOf([{ data: table("12238", "Barn med tiltak (K)", "/tabeller/13939/"), score: 1 }], "barn med tiltak").map((h) => h.url)).toEqual(["/tabeller/12238/"]);
  });

  it("weighs a title that has the query's words as written, in a row more, and not after «ikke»", () => {
    expect(titleWeight("Andel barn med undersøkelser i forhold til innbyggere 0-17 år (prosent)", "undersøkelser")).toBe(TITLE_WEIGHT);
    // A synonym in the title is no title match: the words typed rank first.
    expect(titleWeight("Tabell 12287: Undersøkingar i alt og undersøkingar starta av barnevernet, etter alder (K)", "undersøkelser")).toBe(1);
    expect(titleWeight("Tabell 12275: Barn med tiltak i løpet av året og per 31. desember, etter alder og funksjon (K)", "barn med tiltak")).toBe(TITLE_WEIGHT * PHRASE_WEIGHT);
    expect(titleWeight("Tabell 13939: Barn og unge med tiltak i løpet av året (K)", "barn med tiltak")).toBe(TITLE_WEIGHT);
    // «barn» is not «barnevernstiltak»: a word matches a word, or one with an ending of two letters.
    expect(titleWeight("Andel unge i alderen 18-22 år per 1000 med barnevernstiltak", "barn med tiltak")).toBe(1);
    expect(titleWeight("Tabell 12615: Barn med melding (K)", "meldinger")).toBe(TITLE_WEIGHT);
    expect(titleWeight("Andel barn som ikke er plassert i løpet av året i prosent av alle i tiltak (0-24 år)", "plassert")).toBe(1);
    expect(titleWeight("Andel barn som er plassert i løpet av året i prosent av antall barn 0-24 år", "plassert")).toBe(TITLE_WEIGHT);
    expect(titleWeight("Andel barn som ikke er plassert i løpet av året i prosent av alle i tiltak (0-24 år)", "ikke plassert")).toBe(TITLE_WEIGHT);
  });

  it("shows a district table with its municipal twin, and a code's other labels with the one in force", () => {
    const page = (title: string, type = "Tabell"): ResultData => ({ url: `/${title.slice(0, 12)}/`, excerpt: "", meta: { title, type }, sub_results: [] });
    const tables = hitsOf(
      [
        { data: page("Tabell 12860: Undersøkingar avslutta av barnevernet , etter handsamingstid (K)"), score: 3 },
        { data: page("Tabell 12859: Undersøkingar avslutta av barnevernet, bydel, etter handsamingstid (B)"), score: 2.9 },
        { data: page("Andel undersøkelser gjennomført i løpet av 3 måneder (prosent)", "Indikator"), score: 2 },
      ],
      "handsamingstid",
    );
    expect(tables.map((h) => [h.title.slice(0, 12), h.also?.map((a) => [a.label, a.title.slice(0, 12)])])).toEqual([
      ["Tabell 12860", [["For bydeler", "Tabell 12859"]]],
      ["Andel unders", undefined],
    ]);
    // A district table that ranks above its twin («bydel») is a hit of its own.
    expect(hitsOf([{ data: page("Tabell 12603: Bydelsfakta barnevernstenesta, bydel (B)"), score: 3 }], "bydel").map((h) => h.title)).toEqual(["Tabell 12603: Bydelsfakta barnevernstenesta, bydel (B)"]);
    const sub = (title: string) => ({ url: `/kodelister/plantype/2022/#kode-${title.split(" ")[0]}`, title, excerpt: `<mark>Tiltaksplan</mark>`, weighted_locations: [{ weight: 10, balanced_score: 1 }] });
    const list = (year: string, years: string, title: string): ResultData => ({ url: `/kodelister/plantype/${year}/`, excerpt: "", meta: { title: "Plantype", type: "Kode i Plantype", sections: "ja", years }, sub_results: [{ ...sub(title), url: `/kodelister/plantype/${year}/#kode-1` }] });
    const codes = hitsOf([{ data: list("2022", "2018–2022", "1 Tiltaksplan etter § 4-5"), score: 1 }, { data: list("2026", "2023–", "1 Tiltaksplan etter BVL2021 § 8-1 (tidligere BVL1992 § 4-5)"), score: 0.5 }], "tiltaksplan");
    expect(codes.map((h) => [h.title, h.years, h.url, h.also])).toEqual([
      ["1 Tiltaksplan etter BVL2021 § 8-1 (tidligere BVL1992 § 4-5)", "2023–", "/kodelister/plantype/2026/#kode-1", [{ label: "Gjelder 2018–2022", url: "/kodelister/plantype/2022/#kode-1", title: "1 Tiltaksplan etter § 4-5" }]],
    ]);
    // A query that names the code lists each of its labels.
    expect(hitsOf([{ data: list("2022", "2018–2022", "1 Tiltaksplan etter § 4-5"), score: 1 }, { data: list("2026", "2023–", "1 Tiltaksplan etter BVL2021 § 8-1 (tidligere BVL1992 § 4-5)"), score: 0.5 }], "1")).toHaveLength(2);
  });
});
