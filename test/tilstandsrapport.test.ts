import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { contentCopy } from "./helpers.ts";
import { REPORT_2023 } from "./source-headings.ts";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { guidanceOf, themeKeyFigures, themesOutOfStep } from "../src/lib/report/themes.ts";
import { registrySections } from "../src/lib/views/sections.ts";
import { urls } from "../src/lib/site/urls.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import type { ReportTemplate } from "../src/lib/schema/index.ts";

let registry: Registry;
let template: ReportTemplate;
beforeAll(async () => {
  registry = (await validateContent(BUNDLED_CONTENT_ROOT)).registry;
  template = registry.reportTemplates.get("tilstandsrapport-barnevern")!;
});

describe("the tilstandsrapport for barnevern", () => {
  it("gives every theme its indicators and tables, or a stated reason why there are none", () => {
    expect(template.themes.map((t) => t.number)).toEqual(["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", "4.10", "4.11"]);
    expect(themesOutOfStep(registry, template)).toEqual([]);
    for (const theme of template.themes) {
      const k = themeKeyFigures(registry, theme);
      if (k.indicators.length === 0) expect(k.reason, theme.number).toMatch(/^Veiledningen (lister|nevner)/);
      else expect(k.reason, theme.number).toBeUndefined();
    }
    const without = template.themes.filter((t) => themeKeyFigures(registry, t).indicators.length === 0).map((t) => t.number);
    expect(without).toEqual(["4.1", "4.2", "4.3", "4.8", "4.11"]);
  });

  it("ties a table to a theme only through an indicator computed from it", () => {
    const undersokelser = themeKeyFigures(registry, template.themes.find((t) => t.number === "4.4")!);
    expect(undersokelser.indicators.map((i) => i.id).sort()).toEqual(["andel-barn-med-undersokelser-0-17", "andel-undersokelser-gjennomfort-i-lopet-av-3-maneder"]);
    expect(undersokelser.tables.map((t) => t.number)).toEqual(["12286", "12860"]);
    // 11805 (population) is a denominator the registry describes no table for: named, not linked.
    expect(undersokelser.unknownTables).toEqual(["11805"]);
    const meldinger = themeKeyFigures(registry, template.themes.find((t) => t.number === "4.3")!);
    expect(meldinger.tables).toEqual([]);
  });

  it("links 4.8 and 4.11 to the questions of form 8 punkt 4, and 4.9 to form 8 punkt 2 and tables 12305 and 12605, citing source 001", () => {
    const of = (n: string) => themeKeyFigures(registry, template.themes.find((t) => t.number === n)!);
    const forms = (n: string) => of(n).formSections.map((f) => ({ form: f.form.meta.id, year: f.year, section: f.section.number, asks: f.asks.map((a) => a.label), source: f.source }));
    const punkt4 = "seeds/001_82c6c90c8b3d8844.txt — 9 Vedlegg: Skjema 8 (2023), punkt 4 Kvalitetsindikatorer for barnevernstjenesten";
    expect(forms("4.8")).toEqual([{ form: "8", year: 2023, section: "4", asks: ["Har barnevernstjenesten et system for brukerundersøkelser?", "Har barnevernstjenesten benyttet brukerundersøkelse siste år?"], source: punkt4 }]);
    expect(forms("4.11")).toEqual([{ form: "8", year: 2023, section: "4", asks: ["Har barnevernstjenesten innført internkontroll?"], source: punkt4 }]);
    expect(forms("4.9").map((f) => [f.form, f.year, f.section])).toEqual([["8", 2023, "2"]]);
    expect(forms("4.9")[0].asks).toContain("B. Besatte stillinger i barnevernstjenesten etter type stilling");
    const tables = of("4.9").themeTables;
    expect(tables.map((x) => x.table.number)).toEqual(["12305", "12605"]);
    for (const x of tables) {
      expect(x.source).toBe("seeds/001_82c6c90c8b3d8844.txt — 3.1.2 Nye variabler");
      expect(x.quote).toContain("vil utvides med tall for stillinger som oppfyller kompetansekravene");
    }
    // The old wording, that nothing in the sources measures the two themes, is gone.
    for (const n of ["4.8", "4.11"]) {
      expect(of(n).reason).not.toMatch(/ingen indikator eller tabell i kildene/);
      expect(of(n).reason).toContain("Skjema 8 punkt 4");
    }
    // Every theme without such links has none.
    for (const t of template.themes.filter((t) => !["4.8", "4.9", "4.11"].includes(t.number))) expect([of(t.number).formSections, of(t.number).themeTables], t.number).toEqual([[], []]);
  });

  it("quotes source 001 exactly in the theme links", () => {
    const text = REPORT_2023.replace(/\s+/g, " ");
    const quotes = template.themes.flatMap((t) => [...(t.forms ?? []), ...(t.tables ?? [])]).flatMap((l) => (l.quote ? [l.quote] : []));
    expect(quotes.length).toBe(3);
    for (const q of quotes) expect(text).toContain(q.replace(/^«|»$/g, "").replace(/\s+/g, " "));
  });

  it("fails validation, at the link, when a theme names a section or field form 8 does not have", async () => {
    const dir = contentCopy();
    const file = join(dir, "content/report-templates/tilstandsrapport-barnevern.yaml");
    const yaml = readFileSync(file, "utf8");
    const edited = yaml.replace("fields: [internkontroll]", "fields: [ledelse]");
    expect(edited).not.toBe(yaml);
    writeFileSync(file, edited);
    const { findings } = await validateContent(dir);
    const found = findings.filter((f) => f.file.endsWith("tilstandsrapport-barnevern.yaml") && f.severity === "error");
    expect(found.map((f) => f.message)).toEqual(['unknown field or table of form 8 2023 section kvalitetsindikatorer "ledelse"']);
    expect(yaml.split("\n")[found[0].line - 1]).toContain("fields: [internkontroll]");
  }, 120_000);

  it("flags a theme left without key figures and without a reason", () => {
    const bare: ReportTemplate = { ...template, themes: [{ number: "4.2", title: "Utadrettet virksomhet" }, { number: "4.4", title: "Undersøkelser", withoutKeyFigures: "x" }] };
    expect(themesOutOfStep(registry, bare)).toEqual([
      { theme: "4.2", problem: "no-key-figures-no-reason" },
      { theme: "4.4", problem: "reason-beside-indicators" },
    ]);
  });

  it("fails validation, at the theme's line, when a theme loses both its indicators and its reason", async () => {
    const dir = contentCopy();
    const file = join(dir, "content/report-templates/tilstandsrapport-barnevern.yaml");
    const yaml = readFileSync(file, "utf8");
    const edited = yaml.replace(/\n    withoutKeyFigures: "Veiledningen lister temaet uten nøkkeltall, og ingen indikator eller tabell i kildene måler barnevernets utadrettede virksomhet\."/, "");
    expect(edited).not.toBe(yaml);
    writeFileSync(file, edited);
    const { findings } = await validateContent(dir);
    const found = findings.filter((f) => f.file.endsWith("tilstandsrapport-barnevern.yaml") && f.severity === "error");
    expect(found.map((f) => f.message)).toEqual(["theme 4.2 has no indicator and no reason why"]);
    expect(yaml.split("\n")[found[0].line - 1]).toContain('number: "4.2"');
  }, 120_000);

  it("carries the guidance of source 004: legal duty, confidentiality, structure, quality criteria and small numbers", () => {
    const guidance = guidanceOf(template);
    const topic = (t: string) => guidance.find((g) => g.topic === t);
    expect(topic("lovkrav")?.text).toContain("bvl. § 15-3 femte ledd");
    expect(topic("taushetsplikt")?.text).toContain("sladdes");
    expect(topic("oppbygging")?.points?.length).toBeGreaterThanOrEqual(8);
    expect(topic("kvalitet")?.points).toContain("inneholder sammenligning med relevante kommuner");
    expect(template.suppressionGuidance).toContain("tre eller færre");
    for (const g of guidance) expect([g.source].flat().every((s) => s.startsWith("seeds/004_")), g.topic).toBe(true);
  });

  it("is reachable from the menu", () => {
    expect(registrySections(registry).map((s) => s.href)).toContain(urls.reportTemplates());
  });
});
