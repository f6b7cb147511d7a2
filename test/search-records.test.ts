import { beforeAll, describe, expect, it } from "vitest";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/content-root.ts";
import { versionAt, type Registry } from "../src/lib/registry.ts";
import { searchRecords, type SearchRecord } from "../src/lib/search/records.ts";
import { readSearchRecords, writeSearchRecords } from "../src/lib/search/records-file.ts";
import { join } from "node:path";
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
