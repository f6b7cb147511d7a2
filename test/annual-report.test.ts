import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/lib/load/load-content.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { annualReport, paragraphsOf, type AnnualReport, type ComputedPart } from "../src/lib/report/annual-report.ts";
import { ReportText } from "../src/lib/schema/index.ts";
import { REPO } from "./helpers.ts";
import { chapterHeadings, normalised, REPORT_2023 } from "./source-headings.ts";

let registry: Registry;
let report: AnnualReport;
beforeAll(async () => {
  registry = (await loadContent(REPO, { validated: true })).registry;
  report = annualReport(registry, "barnevern", 2023);
}, 60_000);

const chapter = (n: string) => {
  const c = report.chapters.find((x) => x.number === n);
  if (!c) throw new Error(`no chapter ${n}`);
  return c;
};
const text = (n: string) => chapter(n).paragraphs.map((p) => p.join(" ")).join(" ");
const part = <K extends ComputedPart["kind"]>(n: string, kind: K) => chapter(n).parts.find((p): p is Extract<ComputedPart, { kind: K }> => p.kind === kind);

describe("the 2023 barnevern report against its source (kilde 001)", () => {
  it("reads the source's numbered headings, from 1 Innledning to 9 Vedlegg", () => {
    const headings = chapterHeadings(REPORT_2023);
    expect(headings[0]).toBe("1 Innledning");
    expect(headings.at(-1)).toBe("9 Vedlegg");
    expect(headings).toContain("6.4.3.3 Endring av innhold i eksisterende variabler");
    expect(headings).toContain("7 Annet");
    // 9 chapters and 25 sections: 3.1–3.2.2, 4.1–4.2, 5.1–5.3, 6.1–6.6 (with 6.4.1–6.4.3.3).
    expect(headings).toHaveLength(34);
  });

  it("has every chapter of the source, in its order and with its headings, and no other", () => {
    expect(report.chapters.map((c) => `${c.number} ${c.title}`)).toEqual(chapterHeadings(REPORT_2023));
    expect(report.chapters.find((c) => c.number === "6.4.1")?.depth).toBe(3);
  });

  it("copies the chapters' text from the source: every line stands in it", () => {
    const source = normalised(REPORT_2023);
    const lines = report.chapters.flatMap((c) => c.paragraphs.flat().map((line) => ({ chapter: c.number, line })));
    expect(lines.length).toBeGreaterThan(100);
    for (const { chapter, line } of lines) expect(source, `${chapter}: ${line}`).toContain(normalised(line));
  });

  it("has the facts the generated report lacked", () => {
    expect(text("2")).toMatch(/^Arbeidsgruppen fremmer i kapittel 3 forslag om publisering av personelltabeller/);
    expect(text("3.1.1")).toBe("Ingen variabler er planlagt fjernet.");
    expect(text("3.2")).toMatch(/publisere tabell 13973 .* også for bydeler/);
    expect(text("3.2")).toContain("Det er lite sannsynlig at de nye plantypene som skal innhentes fra 2023 vil tas med i plantabellene for 2023.");
    expect(text("6.2")).toContain("Til 15. juni har ikke Kautokeino levert skjema 8");
    expect(text("6.3")).toContain("Opprettingene ble utført før publiseringen av KOSTRA-tabellene den 15. juni.");
    expect(text("6.4.3.3")).toContain("6. Undersøkelsen henlagt etter henvisning til annen instans");
    expect(text("6.5")).toMatch(/^Vinteren 2023 har det blitt gjort endringer på SSBs nettsider for KOSTRA/);
    expect(text("7")).toContain("Flyt Barnevern fra Visma og Modulus Barn fra Netcompany");
    expect(text("7")).toContain("Barnevernsregister (BVR)");
    expect(chapter("8").paragraphs).toEqual([]);
  });

  it("shows the computed parts beside the text, each in its chapter", () => {
    expect(part("1", "members")?.members.map((m) => m.name)).toContain("Tone Dyrhaug");
    expect(part("1", "meetings")?.meetings.map((m) => m.date)).toEqual(["2023-04-20"]);
    expect(part("2", "proposals")?.proposals).toHaveLength(6);
    expect(part("3", "publishing")?.proposals.map((p) => p.id).sort()).toEqual(["barnevern-2023-melding-aldersinndeling", "barnevern-2023-personelltabeller-kompetansekrav"]);
    expect(part("4.1", "chartOfAccounts")?.changes.map((c) => c.code)).toEqual(["050", "165", "370", "400", "470"]);
    expect(part("5.1", "forms")?.changes.some((c) => c.element === "besatte-etter-type.kompetansekrav")).toBe(true);
    expect(part("6", "evaluation")?.events.map((e) => e.date)).toEqual(["2023-02-15", "2023-03-15", "2023-06-15"]);
    const published = part("6.4.1", "tables")!.lists;
    expect(published.map((l) => l.heading)).toEqual(["KOSTRA", "KOSTRA - Bydeler"]);
    expect(published.map((l) => l.tables.length)).toEqual([17, 16]);
    expect(published[0].tables.map((t) => t.number)).toContain("13973");
    expect(part("6.4.2", "tables")!.lists[0].tables.map((t) => `${t.number} ${t.status}`)).toEqual(["12238 discontinued", "12600 discontinued"]);
    const form = part("9", "form")!;
    expect([form.id, form.year]).toEqual(["8", 2023]);
    expect(form.version.sections?.map((s) => s.number)).toEqual(["1", "2", "3", "4"]);
  });

  it("lists every table the source names in 6.4.1 and 6.4.2", () => {
    const start = REPORT_2023.indexOf("6.4.1 Oversikt");
    const end = REPORT_2023.indexOf("6.4.3 Endring av variabler");
    const named = [...REPORT_2023.slice(start, end).matchAll(/^\s*(\d{5}) \p{Lu}/gmu)].map((m) => m[1]);
    const shown = ["6.4.1", "6.4.2"].flatMap((n) => part(n, "tables")!.lists.flatMap((l) => l.tables.map((t) => t.number)));
    expect(shown).toEqual(named);
  });
});

describe("a report without its text", () => {
  it("falls back to the six chapters the registry fills", () => {
    const r = annualReport(registry, "barnevern", 2009);
    expect(r.text).toBeUndefined();
    expect(r.chapters.map((c) => c.number)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(r.chapters.every((c) => c.paragraphs.length === 0)).toBe(true);
  });
});

describe("the report text's schema", () => {
  const base = { id: "wg-2023", title: "Rapport", workingGroup: "wg", year: 2023, source: "seeds/x.txt" };
  const ch = (number: string) => ({ number, title: "T", source: "seeds/x.txt" });
  it("refuses chapters out of the report's order, twice, or an id that is not <group>-<year>", () => {
    expect(ReportText.safeParse({ ...base, chapters: [ch("1"), ch("1.1"), ch("1.2"), ch("2"), ch("10")] }).success).toBe(true);
    const wrong = (chapters: object[], id = base.id) => ReportText.safeParse({ ...base, id, chapters }).error?.issues.map((i) => i.message).join("; ");
    expect(wrong([ch("1"), ch("3"), ch("2")])).toMatch(/chapter 2 stands after 3/);
    expect(wrong([ch("1"), ch("1")])).toMatch(/chapter 1 is given twice/);
    expect(wrong([ch("1")], "wg-2022")).toMatch(/must be "wg-2023"/);
  });

  it("keeps line breaks inside a paragraph and splits at blank lines", () => {
    expect(paragraphsOf("a\nb\n\n  \nc")).toEqual([["a", "b"], ["c"]]);
  });
});
