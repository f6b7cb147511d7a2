import { describe, expect, it } from "vitest";
import { withCitedSources } from "../src/lib/export/cited.ts";
import { loadContent } from "../src/lib/load/load-content.ts";
import { citationText, citeSource } from "../src/lib/sources/cite.ts";
import { SOURCE_DOCUMENTS } from "../src/lib/sources/documents.ts";
import { sourceUses } from "../src/lib/sources/uses.ts";
import { sourcesIndexView, sourceView } from "../src/lib/views/sources.ts";
import { REPO } from "./helpers.ts";

describe("the source register", () => {
  it("reads a reference as «title, section» with the source's page", () => {
    const c = citeSource("seeds/001_82c6c90c8b3d8844.txt — 5.1 Forslag til endring");
    expect(citationText(c)).toBe("KOSTRA arbeidsgrupperapport for barnevern, 5.1 Forslag til endring");
    expect(c.url).toBe("/kilder/001/");
    expect(citationText(citeSource("reference/barnevern-15F/xsd-history/Individ_2021-03-25.xsd — KategoriType/@Kode"))).toBe(
      "XML-skjema for filuttrekk 15F, individnivå (Individ), versjon 25.03.2021, KategoriType, attributt Kode",
    );
    expect(citeSource("reference/kontrollprogram/file_description_52AF_2025.yaml").section).toBe("skjema 52AF, 2025");
    expect(citeSource("reference/kontrollprogram/changelog_for_55F_from_2024_to_2025.md").document?.id).toBe("kontrollprogram-endringslogger");
  });

  it("claims every source the bundled content cites, and computes what each is used for", async () => {
    const { registry } = await loadContent(REPO);
    const unclaimed: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          if (k === "source" && (typeof x === "string" || Array.isArray(x))) for (const r of [x].flat() as string[]) if (!citeSource(r).document) unclaimed.push(r);
          if (typeof x === "object") walk(x);
        }
    };
    for (const e of [...registry.codelists.values(), ...registry.forms.values()]) walk([e.meta, e.versions.map((v) => v.data)]);
    walk([[...registry.indicators.values()], [...registry.tables.values()], [...registry.proposals.values()].map((p) => p.data), [...registry.meetings.values()].map((m) => m.data), [...registry.workingGroups.values()], [...registry.reportTemplates.values()], [...registry.calendars.values()]]);
    expect(unclaimed).toEqual([]);
    const uses = sourceUses(registry);
    const report = sourceView(registry, "001")!;
    expect(report.author).toBe("KOSTRA arbeidsgruppe for barnevern");
    expect(report.groups.map((g) => g.kind)).toContain("Endringsforslag");
    expect(uses.get("15f-xsd")!.some((u) => u.href === "/kodelister/tiltak-kategori/")).toBe(true);
    expect(sourcesIndexView(registry).every((s) => SOURCE_DOCUMENTS.some((d) => d.id === s.id) && s.uses > 0)).toBe(true);
  });

  it("an export's source holds no path", () => {
    const cited = withCitedSources({ source: "seeds/004_bf0f9d2bbffb6769.txt — innledning", codes: [{ source: ["reference/barnevern-15F/controls-15F.md"] }] });
    expect(cited).toEqual({
      source: [{ title: "Tilstandsrapportering for kommunale barnevernstjenester", section: "innledning", url: "/kilder/004/" }],
      codes: [{ source: [{ title: "Kontrollspesifikasjon for filuttrekk 15F", url: "/kilder/15f-kontroller/" }] }],
    });
  });
});
