import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import jsYaml from "js-yaml";
import { loadContent } from "../src/lib/load/load-content.ts";
import { versionAt, type Registry } from "../src/lib/model/registry.ts";
import { REFERENCE_FILES, REPO } from "./helpers.ts";

/** SSB's mapping file for a year: one row per office, with its county and region. */
type Mapping = { region: string; regionName: string; fylke: string; fylkeName: string; kontor: string; kontorName: string };
const mappings = (year: number): Mapping[] =>
  (jsYaml.load(readFileSync(join(REFERENCE_FILES, "kontrollprogram", `mapping_familievern_region_fylke_kontor_${year}.yaml`), "utf8"), { schema: jsYaml.CORE_SCHEMA }) as { mappings: Mapping[] }).mappings;

describe("codelist familievern-region-fylke-kontor", () => {
  let list: NonNullable<ReturnType<Registry["codelists"]["get"]>>;
  beforeAll(async () => {
    list = (await loadContent(REPO)).registry.codelists.get("familievern-region-fylke-kontor")!;
  });

  for (const year of [2024, 2025]) {
    it(`holds SSB's region → fylke → kontor hierarchy for ${year}, codes and names exactly`, () => {
      const codes = new Map(versionAt(list, year)!.data.codes.map((c) => [c.code, c]));
      const rows = mappings(year);
      expect(rows.length).toBe(42);
      // Every office, county and region of the source, each with the source's name and parent; nothing more.
      const expected = new Map<string, { name: string; parent?: string }>();
      for (const r of rows) {
        expected.set(r.region, { name: r.regionName });
        expected.set(r.fylke, { name: r.fylkeName, parent: r.region });
        expected.set(r.kontor, { name: r.kontorName, parent: r.fylke });
      }
      expect([...codes.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [code, e] of expected) expect({ code, name: codes.get(code)!.name.nb, parent: codes.get(code)!.parent }).toEqual({ code, ...e });
    });
  }

  it("has no version for 2026, whose mapping file SSB left empty", () => {
    expect(mappings(2026)).toEqual([]);
    expect(versionAt(list, 2026)).toBeUndefined();
  });
});
