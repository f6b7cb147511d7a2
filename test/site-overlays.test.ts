import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureWith } from "./helpers.ts";
import { buildSite } from "./build-site.ts";

/**
 * The site built from the small fixture with an overlay each: long codelists, many changes per
 * working group, more proposals and meetings than a list holds. (The built bundled content is read
 * in site.test.ts; these build their own content, so they run in the core project beside it.)
 */
const build = buildSite;
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ");

describe("the site built from other content", () => {
  it("splits a long codelist into pages of 500 codes whose codes search finds on the right page", async () => {
    const { writeFileSync } = await import("node:fs");
    const { searchRecords } = await import("../src/lib/search/records.ts");
    const { validateContent } = await import("../src/lib/validate/index.ts");
    const dir = fixtureWith();
    const codes = Array.from({ length: 1200 }, (_, i) => `  - { code: "${i + 1}", name: { nb: "Kode nummer ${i + 1}" } }`).join("\n");
    writeFileSync(join(dir, "codelists/farger/2022.yaml"), `source: "fixture"\ncodes:\n${codes}\n`);
    writeFileSync(join(dir, "changes/p1.mdx"), readFileSync(join(dir, "changes/p1.mdx"), "utf8").replace('codes: ["2", "2.1", "3", "4"]', 'codes: ["2", "2.1"]'));
    const built = build(dir);
    const first = readFileSync(join(built, "kodelister/farger/2022/index.html"), "utf8");
    expect(first.match(/<tr id="kode-/g)).toHaveLength(500);
    expect(first).toContain('href="/kodelister/farger/2022/side/3/"');
    const third = readFileSync(join(built, "kodelister/farger/2022/side/3/index.html"), "utf8");
    expect(third.match(/<tr id="kode-/g)).toHaveLength(200);
    expect(third).toContain('id="kode-1200"');
    const { registry } = await validateContent(dir);
    const record = searchRecords(registry).find((r) => r.sections?.some((c) => c.title === "1101 Kode nummer 1101"))!;
    expect(`${record.url}#${record.sections!.find((c) => c.title === "1101 Kode nummer 1101")!.id}`).toBe("/kodelister/farger/2022/side/3/#kode-1101");
    expect(record.sections).toHaveLength(200);
  }, 300_000);

  it("shows a year's changes per working group on a page of the group's own, and keeps the overview short when they are many", () => {
    const dir = fixtureWith();
    writeFileSync(join(dir, "content/working-groups/wg2.yaml"), 'id: wg2\nname: { nb: "Gruppe to" }\nserviceArea: "Test"\nmembers:\n  - name: "Kari Nordmann"\n    asOf: 2020\nsource: "fixture"\n');
    // 60 codelists whose 25 codes are all renamed in 2022: 20 shown each, 1,200 rows, more than the overview holds.
    for (let i = 1; i <= 60; i++) {
      const folder = join(dir, `codelists/liste-${i}`);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, "codelist.yaml"), `id: liste-${i}\nname: { nb: "Liste ${i}" }\nworkingGroup: ${i <= 30 ? "wg" : "wg2"}\nsource: "fixture"\n`);
      const codes = (label: string) => Array.from({ length: 25 }, (_, n) => `  - { code: "${n + 1}", name: { nb: "${label} ${n + 1}" } }`).join("\n");
      writeFileSync(join(folder, "2020.yaml"), `source: "fixture"\ncodes:\n${codes("Gammelt navn")}\n`);
      writeFileSync(join(folder, "2022.yaml"), `source: "fixture"\ncodes:\n${codes("Nytt navn")}\n`);
    }
    const built = build(dir);
    const read = (path: string) => text(readFileSync(join(built, path, "index.html"), "utf8"));
    for (const overview of ["aar/2022", "endringer/2021-2022"]) {
      const html = readFileSync(join(built, overview, "index.html"), "utf8");
      // The row of each group in the table of counts (quoted alone, so that a failure shows it).
      const row = (group: string) => text(html).match(new RegExp(`${group} \\d+ [a-zæøå ]+?(?: og \\d+ [a-zæøå]+)? \\d+ \\d+ \\d+ `))?.[0];
      // 30 lists, Farger, and the fixture's form whose field takes Farger's codes (listed under it too).
      expect(row("Testgruppe"), overview).toMatch(/Testgruppe 31 kodelister og 1 skjema \d+ [1-9]\d* \d+ /);
      expect(row("Gruppe to"), overview).toMatch(/Gruppe to 30 kodelister 750 0 0 /);
      expect(html, overview).toContain('href="/endringer/2021-2022/wg2/"');
      expect(text(html), overview).toContain("for mange til å vises på én side");
      expect(html, overview).not.toContain("Nytt navn 1<");
      expect(html.length, overview).toBeLessThan(100_000);
    }
    const wg2 = read("endringer/2021-2022/wg2");
    expect(wg2).toContain("Gruppe to: endringer fra 2021 til 2022");
    expect(wg2).toMatch(/750 endringer i 30 kodelister, hvorav 0 brytende for avsendere/);
    expect(wg2).toContain("Liste 60");
    expect(wg2).not.toContain("Liste 1 ");
    expect(wg2).not.toContain("Farger");
    // The group with the split of Blå has the proposal that declares it, with its justification.
    const wg = read("endringer/2021-2022/wg");
    expect(wg).toMatch(/Farger .*Kode delt/);
    expect(wg).toContain("Begrunnelser");
  }, 300_000);

  it("lists proposals and meetings per year, each year on a page of its own, when they are more than fit on one page", () => {
    const dir = fixtureWith();
    for (let i = 1; i <= 1001; i++) {
      const year = 2020 + (i % 3);
      writeFileSync(join(dir, `changes/forslag-${i}.mdx`), `---\nid: forslag-${i}\ntitle: "Forslag ${i}"\nworkingGroup: wg\ntargetYear: ${year}\nhistory:\n  - status: fremmet\n    date: "${year - 1}-05-01"\n    meeting: m1\njustification:\n  relevance: "Bedre."\nchanges:\n  - codelist: farger\n    codes: [\"1\"]\n    description: \"Rød endres.\"\nsource: \"fixture\"\n---\n`);
      writeFileSync(join(dir, `content/meetings/mote-${i}.mdx`), `---\nid: mote-${i}\ntitle: "Møte ${i}"\nworkingGroup: wg\ndate: "${year}-03-01"\nagenda: []\nsource: "fixture"\n---\n`);
    }
    const built = build(dir);
    const read = (path: string) => readFileSync(join(built, path, "index.html"), "utf8");
    expect(text(read("endringsforslag"))).toMatch(/1002 forslag, for mange til å vises på én side.* 2022 335 1 2021 334 1 2020 333 1 /);
    expect(read("endringsforslag")).not.toContain("Forslag 1<");
    expect(read("endringsforslag/aar/2021").match(/<tr data-year="2021"/g)).toHaveLength(334);
    expect(text(read("moter"))).toMatch(/1002 møter, for mange til å vises på én side.* 2022 334 1 2021 335 1 2020 333 1 /);
    expect(text(read("moter/aar/2021"))).toContain("Møte 1 ");
  }, 300_000);

  it("builds any content root in the documented format", () => {
    const other = build(fixtureWith());
    expect(text(readFileSync(join(other, "kodelister/farger/2022/index.html"), "utf8"))).toContain("Himmelblå");
    expect(existsSync(join(other, "kodelister/plantype"))).toBe(false);
  }, 300_000);
});
