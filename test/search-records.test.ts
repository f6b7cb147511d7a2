import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/content-root.ts";
import { versionAt, type Registry } from "../src/lib/registry.ts";
import { searchRecords, type SearchRecord } from "../src/lib/search/records.ts";
import { readSearchRecords, writeSearchRecords } from "../src/lib/search/records-file.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { indexRecords } from "../src/lib/search/index-records.ts";
import { partSizes } from "../src/lib/search/index-parts.ts";
import { tempDir } from "./helpers.ts";

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
