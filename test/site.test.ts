import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "./helpers.ts";
import { bundledSite } from "./build-site.ts";
import { checkLinks } from "../src/lib/site/link-check.ts";
import { chapterHeadings, REPORT_2023 } from "./source-headings.ts";
import * as pagefind from "pagefind";
import { indexedHtml, spacedHtml } from "../src/lib/search/indexed-html.ts";
import { validateContent } from "../src/lib/validate/index.ts";
import { BUNDLED_CONTENT_ROOT } from "../src/lib/load/content-root.ts";
import { searchRecords } from "../src/lib/search/records.ts";


const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/\s+/g, " ");

let dist: string;
const page = (path: string) => readFileSync(join(dist, path, "index.html"), "utf8");

beforeAll(async () => {
  dist = await bundledSite();
}, 300_000);

describe("the built site", () => {
  it("lists the 2023 plan types with exact labels on /kodelister/plantype/2023/", () => {
    const html = text(page("kodelister/plantype/2023"));
    expect(html).toContain("Plantype – rapporteringsår 2023");
    for (const label of ["Tiltaksplan etter BVL2021 § 8-1 (tidligere BVL1992 § 4-5)", "Samværsplan etter BVL 2021 § 7-6", "Undersøkelsesplan etter akuttvedtak etter BVL 2021 § 8-2, 3. ledd"]) {
      expect(html).toContain(label);
    }
    expect(html).toMatch(/Utgår fra 2023/);
  });

  it("lists the 2022 plan types on the 2022 page, and links the years before and after", () => {
    const raw = page("kodelister/plantype/2022");
    const html = text(raw);
    expect(html).toContain("Tiltaksplan etter § 4-5");
    expect(html).not.toContain("Samværsplan");
    expect(raw).toContain('href="/kodelister/plantype/2021/" rel="prev"');
    expect(raw).toContain('href="/kodelister/plantype/2023/" rel="next"');
  });

  it("shows tiltak 2.3 with the XSD's label in 2023 and Spesialiserte fosterhjem from 2024", () => {
    expect(page("kodelister/tiltak-kategori/2023")).toMatch(/<tr id="kode-2\.3">[\s\S]*?Statlige familiehjem/);
    expect(page("kodelister/tiltak-kategori/2024")).toMatch(/<tr id="kode-2\.3">[\s\S]*?Spesialiserte fosterhjem/);
  });

  it("has a page for every year a codelist applies, and none for years it does not", () => {
    expect(existsSync(join(dist, "kodelister/flytting-til/2021"))).toBe(false);
    expect(existsSync(join(dist, "kodelister/flytting-til/2022/index.html"))).toBe(true);
    expect(existsSync(join(dist, "kodelister/vedtaksgrunnlag/2022/index.html"))).toBe(true);
    expect(existsSync(join(dist, "kodelister/vedtaksgrunnlag/2023"))).toBe(false);
    for (const year of [2018, 2019, 2020, 2021, 2022, 2023, 2024]) expect(existsSync(join(dist, `kodelister/tiltak-kategori/${year}/index.html`))).toBe(true);
  });

  it("shows the version's source and the editor's note", () => {
    const html = text(page("kodelister/tiltak-kategori/2023"));
    // Cited by title and section, linked to the source's page; never by the file's name.
    expect(html).toMatch(/KOSTRA arbeidsgrupperapport for barnevern ?, 5\.1 Forslag til endring/);
    expect(html).toMatch(/XML-skjema for filuttrekk 15F, individnivå \(Individ\) ?, versjon 08\.02\.2023/);
    expect(html).not.toContain("Individ_2023-02-08.xsd");
    expect(page("kodelister/tiltak-kategori/2023")).toContain('href="/kilder/001/"');
    expect(html).toMatch(/Om kildene og avvik/);
  });

  it("has the home page, the codelist list and the working-group pages in Norwegian", () => {
    expect(page("")).toContain('<html lang="nb"');
    expect(text(page("kodelister"))).toContain("Tiltakskategori");
    expect(text(page("arbeidsgrupper/barnevern"))).toContain("Tone Dyrhaug");
  });

  it("has a diff page for every pair of years, neighbours and beyond", () => {
    const html = text(page("endringer/2022-2023"));
    expect(html).toContain("Endringer fra 2022 til 2023");
    expect(html).toMatch(/Tekstlige endringer i tiltakskode 2\.3 og 2\.4/);
    expect(text(page("endringer/2023-2024"))).toMatch(/Nytt navn 2\.3 .*Spesialiserte fosterhjem .*Bare tekst/);
    expect(text(page("endringer/2023-2024"))).toMatch(/Ingen kilde for 2024 .*Personell og organisering av barnevernstjenesten ?: antatt uendret fra 2023/);
    expect(html).toContain("Ingen endringsforslag registrert");
    expect(html).not.toContain("Ikke begrunnet");
    expect(text(page("endringer/2018-2024"))).toContain("Endringer fra 2018 til 2024");
    expect(page("endringer")).toContain('href="/endringer/2021-2023/"');
  });

  it("shows on /aar/2023/ what changes for the year, breaking first, with justifications", () => {
    const html = text(page("aar/2023"));
    expect(html.indexOf("Kode utgår")).toBeLessThan(html.indexOf("Nytt navn"));
    expect(html).toContain("Begrunnelser");
    expect(html).toContain("Endringer i tiltakskoder (tekstlige) og plantyper skyldes ny begrepsbruk og ny barnevernslov.");
    // Few enough to show here; the working group's own page has the same changes and justifications.
    expect(html).toMatch(/KOSTRA arbeidsgruppe for barnevern 4 kodelister og 2 skjema 50 10 26 /);
    expect(page("aar/2023")).toContain('href="/endringer/2022-2023/barnevern/"');
    const group = text(page("endringer/2022-2023/barnevern"));
    expect(group).toContain("KOSTRA arbeidsgruppe for barnevern: endringer fra 2022 til 2023");
    expect(group.indexOf("Kode utgår")).toBeLessThan(group.indexOf("Nytt navn"));
    expect(group).toContain("Endringer i tiltakskoder (tekstlige) og plantyper skyldes ny begrepsbruk og ny barnevernslov.");
  });

  it("shows each codelist's change history and links proposals to their pages", () => {
    expect(text(page("kodelister/plantype"))).toMatch(/Endringshistorikk .*2022–2023 .*Ny kode 5/);
    expect(text(page("endringsforslag/barnevern-2023-plantyper"))).toMatch(/Beregnede endringer .*Samværsplan etter BVL 2021 § 7-6/);
  });

  it("publishes neighbouring change sets as JSON identical to the CLI's, with a JSON Schema", () => {
    const api = JSON.parse(readFileSync(join(dist, "api/v1/changes/2022-2023.json"), "utf8"));
    const cli = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "diff", "2022", "2023", "--format", "json"], { encoding: "utf8", env: { ...process.env, KOSTRA_CONTENT_DIR: "" } });
    // The published file names its schema; otherwise it is the CLI's output.
    const { $schema, ...published } = api;
    expect(published).toEqual(JSON.parse(cli.stdout));
    expect(existsSync(join(dist, "api/v1/changes/2018-2020.json"))).toBe(false);
    const schema = JSON.parse(readFileSync(join(dist, "api/v1/schemas/change-set.json"), "utf8"));
    expect($schema).toBe(schema.$id);
    expect(schema.$schema).toMatch(/2020-12/);
    expect(Object.keys(schema.properties)).toEqual(["$schema", "from", "to", "summary", "changes", "notCarriedOut", "withoutSource"]);
  });

  it("renders form 8 as a fillable form and lists its controls; it reads without JavaScript", () => {
    const raw = page("skjema/8/2023");
    expect(raw).toContain('name="table.besatte-etter-type.kompetansekrav.fagstillinger-244"');
    expect(raw).toMatch(/<input type="radio" name="field\.internkontroll" value="true"/);
    const html = text(raw);
    expect(html).toContain("Feil antall. Sum besatte stillinger i 2A og 2B skal være lik.");
    expect(html).toContain("Feil (hindrer innsending)");
    expect(page("skjema/8/2022")).not.toContain('name="table.besatte-etter-type.kompetansekrav.fagstillinger-244"');
  });

  it("renders file extract 15F as record layouts with codelist links and its controls", () => {
    const raw = page("skjema/15f/2024");
    expect(raw).toMatch(/href="\/kodelister\/tiltak-kategori\/2024\/"/);
    expect(text(raw)).toMatch(/Kategori/);
    expect(text(raw)).toMatch(/avgiver_02/);
    // The XML schema's uniqueness rules from 2024, said where Individ is described; none before.
    expect(text(raw)).toContain("Id må være unik for hver Melding innenfor samme Individ.");
    expect(text(raw)).toContain("(regelen FlyttingIdUnique)");
    // Occurrences in words, and field types in Norwegian where SSB gives no data type.
    expect(text(raw)).toMatch(/I Barnevern ?, nøyaktig 1 gang\. Opplysninger om kommunen/);
    expect(text(raw)).toMatch(/I Barnevern ?, minst 1 gang\. Opplysninger om klienten/);
    expect(raw).not.toMatch(/data-label="Type">text</);
    expect(text(page("skjema/15f/2023"))).not.toContain("Regler i XML-skjemaet");
  });

  it("shows 55F's record layout with each field's codes, and its changes from 2024 to 2025 as old → new", () => {
    const layout = text(page("skjema/55f/2025"));
    expect(layout).toMatch(/KONTOR_NR 37–39 3 tekst \(STRING_TYPE\), kode Ja Familievernkontornummer/);
    expect(layout).toMatch(/017 Familievernkontoret Østfold/);
    expect(page("skjema/55f/2025")).toContain('href="https://www.ssb.no/klass/klassifikasjoner/558"');
    const changes = text(page("skjema/55f/endringer/2024-2025"));
    expect(changes).toMatch(/55f\.RESULT_TOT_1 Posisjon: 713 → 582/);
    expect(changes).toMatch(/55f\.KONTOR_NR Obligatorisk: nei → ja/);
    expect(changes).toMatch(/55f\.FYLKE_NR Beskrivelse: Før: \(ingen\) → Etter: Fylkesnummer/);
    expect(page("skjema/55f/endringer/2024-2025")).toContain('href="/api/v1/forms/55f/changelog-2024-2025.md"');
  });

  it("shows a control message's line breaks as breaks, not as markup (the accounts' control 015)", () => {
    const raw = page("skjema/regnskap/2025");
    expect(raw).toContain("(liste med beløp).\nHvis dette er riktig, kan du sende inn filen");
    expect(raw).not.toContain("&lt;br/&gt;");
  });

  it("lists on each codelist version page the forms and fields that use it", () => {
    expect(text(page("kodelister/plantype/2023"))).toMatch(/Brukes i skjema .*Filuttrekk 15F/);
  });

  it("says /tabeller/12238/ is discontinued and links to 13939, which links back", () => {
    const raw = page("tabeller/12238");
    expect(text(raw)).toMatch(/Avsluttet – erstattet av tabell 13939/);
    expect(raw).toContain('href="/tabeller/13939/"');
    expect(page("tabeller/13939")).toContain('href="/tabeller/12238/"');
  });

  it("has a page per indicator with every section, the formula as MathML and a calculator", () => {
    const raw = page("indikatorer/andel-barn-med-barnevernstiltak-0-24");
    expect(raw).toContain("<mfrac><mi>A</mi><mi>B</mi></mfrac>");
    expect(raw).toContain("data-indicator-calculator");
    for (const heading of ["Beskrivelse", "Formål", "Sentrale begrep", "Utregning", "Utvalg", "Fortolkning", "Versjoner"]) expect(raw).toContain(`<h2>${heading}</h2>`);
    expect(text(page("indikatorer"))).toContain("Andel barn med barneverntiltak i forhold til innbyggere 0-24 år (prosent)");
  });

  it("lists the indicators a municipality can use per theme of the state-of-child-welfare report", () => {
    const html = text(page("tilstandsrapport/tilstandsrapport-barnevern"));
    expect(html).toContain("4.5 Hjelpetiltak");
    expect(html).toContain("tre eller færre");
  });

  it("lists the 2023 barnevern proposals, each with status history, justification and computed lines", () => {
    const list = text(page("endringsforslag"));
    for (const title of ["Tekstlige endringer i tiltakskode 2.3 og 2.4", "Nye plantyper i kodelisten for plan", "Ny linje i skjema 8 punkt 2B: stillinger som oppfyller kompetansekravet"]) expect(list).toContain(title);
    const html = text(page("endringsforslag/barnevern-2023-tiltak-2-3-2-4"));
    expect(html).toMatch(/Status .*Beregnet status ikke gjennomført i 2023 .*Kilder som viser at endringen er gjort 2024: XSD-versjonen 2024-09-02 gir 2\.3 navnet «Spesialiserte fosterhjem».*fremmet 2023 .*anbefalt 2023 /);
    expect(html).not.toContain("2023-04-20 –");
    expect(text(page("endringsforslag/barnevern-2023-kontoplan-veiledningstekster"))).toMatch(/Beregnet status lagt inn for 2023, ikke bekreftet i kildene .*Ingen kilde utenom forslaget selv viser at endringen er gjort/);
    expect(text(page("skjema/8/2024"))).toMatch(/Ingen kilde for 2024: Antatt uendret fra 2023: ingen kilde for 2024–/);
    expect(text(page("skjema/8/2023"))).not.toContain("Antatt uendret");
    expect(html).toContain("Endringer i tiltakskoder (tekstlige) og plantyper skyldes ny begrepsbruk og ny barnevernslov.");
    expect(html).toMatch(/Behandlet i møter .*2023-04-20/);
    expect(text(page("endringsforslag/barnevern-2023-skjema-8-kompetansekrav"))).toMatch(/besatte-etter-type\.kompetansekrav .*Herav stillinger som oppfyller kompetansekravet/);
  });

  it("shows the 2009 minutes with agenda items and follow-ups, and the working group's open follow-ups", () => {
    const minutes = text(page("moter/barnevern-2009-05-06"));
    expect(minutes).toMatch(/Sak 5\.4\. Forsterket fosterhjem .*BLD: Det foreslås at BLD lager en klar definisjon .*Åpen/);
    const group = text(page("arbeidsgrupper/barnevern"));
    expect(group).toMatch(/Åpne oppfølgingspunkter .*KS går gjennom notatet på neste møtet/);
  });

  it("generates the 2023 barnevern report with the chapters of the working groups' reports", () => {
    const html = text(page("arbeidsgrupper/barnevern/rapport/2023"));
    // Every numbered heading of the report (kilde 001), in order (test/annual-report.test.ts checks the view).
    const chapters = chapterHeadings(REPORT_2023);
    expect(chapters).toHaveLength(34);
    expect(html).toContain("Ingen variabler er planlagt fjernet.");
    expect(html).toContain("Til 15. juni har ikke Kautokeino levert skjema 8");
    let last = -1;
    for (const c of chapters) {
      const at = html.indexOf(c);
      expect(at, c).toBeGreaterThan(last);
      last = at;
    }
  });

  it("has a calendar page and an iCalendar file per reporting year", () => {
    expect(text(page("kalender/2022"))).toMatch(/Rapporteringsfrist: Frist for innrapportering av filuttrekk 15F og skjema 8/);
    expect(readFileSync(join(dist, "kalender/2022.ics"), "utf8")).toMatch(/^BEGIN:VCALENDAR/);
  });

  it("has no broken internal link or anchor", () => {
    const { pages, links, broken } = checkLinks(dist);
    expect(pages).toBeGreaterThan(200);
    expect(links).toBeGreaterThan(5000);
    expect(broken).toEqual([]);
  });

  it("ships JavaScript only on pages that need it", () => {
    const scripts = (p: string) => [...page(p).matchAll(/<script[^>]*src="([^"]+)"/g)].length;
    for (const p of ["", "kodelister", "kodelister/plantype/2023", "tabeller/12238", "endringer/2022-2023".replace("endringer/2022-2023", "aar/2023"), "moter/barnevern-2009-05-06", "api"]) expect(scripts(p), p).toBe(0);
    for (const p of ["skjema/8/2023", "indikatorer/andel-barn-med-barnevernstiltak-0-24", "sok", "endringer/2022-2023", "indikatorer"]) expect(scripts(p), p).toBeGreaterThan(0);
    // A file extract's page carries only the loader of «Sjekk en fil»: the checker and its worker load when a file is chosen.
    const loaders = [...page("skjema/15f/2024").matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(loaders).toHaveLength(1);
    expect(statSync(join(dist, loaders[0])).size).toBeLessThan(3072);
    expect(readFileSync(join(dist, loaders[0]), "utf8")).not.toContain("evaluateControl");
  });

  it("lists proposals and meetings on one page while they fit", () => {
    const all = text(page("endringsforslag"));
    expect(all).toContain("Nye plantyper i kodelisten for plan");
    expect(page("endringsforslag")).toContain('name="year"');
    const year = page("endringsforslag/aar/2023");
    expect(text(year)).toContain("Endringsforslag som gjelder fra 2023");
    expect(year.match(/<tr data-year="2023"/g)).toHaveLength(6);
    expect(year).not.toContain('name="year"');
    expect(text(page("moter/aar/2009"))).toContain("Møter i 2009");
  });

  it("has a guide «Slik foreslår du en endring», citing its sources, linked from the proposals and each working group", () => {
    const raw = page("endringsforslag/slik-foreslar-du");
    const html = text(raw);
    const headings = [...raw.matchAll(/<h([1-3])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => text(m[2]).trim());
    expect(headings).toEqual(expect.arrayContaining(["Slik foreslår du en endring", "Hvem kan foreslå en endring", "Hva et forslag må inneholde", "Oppgavebyrde", "Relevans", "Sammenliknbarhet over tid", "Når i året", "Slik behandler arbeidsgruppen forslaget", "Kilder"]));
    // The mandate's three grounds, the working groups' cycle as the sources give it, and the two commands.
    expect(html).toContain("oppgavebyrde, relevans og sammenliknbarhet over tid");
    expect(html).toMatch(/innen 1\. mars/);
    expect(html).toContain("npx kostra review");
    expect(html).toContain("npx kostra propose");
    // Every statement about the process cites the minutes or the annual report by title and section, linked to the source's page.
    for (const id of ["000", "001", "003"]) expect(raw).toContain(`href="/kilder/${id}/"`);
    expect(html).toMatch(/Kilde: Referat KOSTRA arbeidsgruppemøte 06\.05\.09 ?, Sak 1\. Gjennomgang av mandat/);
    expect(html).toMatch(/Kilde: KOSTRA arbeidsgrupperapport for barnevern ?, 2 Oppsummering og anbefaling/);
    const statements = [...raw.matchAll(/<(?:p|li)>([\s\S]*?)<\/(?:p|li)>/g)].map((m) => m[1]).filter((s) => !s.includes("npx kostra"));
    const inSections = statements.filter((s) => /data-kilde/.test(s));
    expect(inSections.length).toBeGreaterThanOrEqual(15);
    // Linked from the proposals list and from a working group's page.
    const guide = 'href="/endringsforslag/slik-foreslar-du/"';
    expect(page("endringsforslag")).toContain(guide);
    expect(page("arbeidsgrupper/barnevern")).toContain(guide);
    expect(page("arbeidsgrupper/sosialtjenesten")).toContain(guide);
  });
  it("says counts with Norwegian number agreement, and none of the glitches a walk found, on any page", () => {
    const pages = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : []));
    })(dist);
    expect(pages.length).toBeGreaterThan(200);
    const found: string[] = [];
    for (const file of pages) {
      const t = text(readFileSync(file, "utf8"));
      for (const m of t.matchAll(/(?<![\d.,–-])1 (endringer|datoer|kontroller|koder|kodelister|møter|saker|indikatorer|tabeller|testtilfeller|arbeidsgrupper)\b|mottakere\.Brytende|Ikke begrunnet|: 0 kontroller/g)) found.push(`${file.slice(dist.length)}: ${m[0]}`);
    }
    expect(found).toEqual([]);
    expect(text(page("skjema/15f"))).toMatch(/Registeret har kontrollene for versjonene 2018, 2024\. For versjonene 2021, 2022, 2023 gir kildene .* 2021[^:]*: ingen kontroller i registeret/);
  });

  it("gives every export its media type in _headers, and download links a name by item and year", () => {
    const headers = readFileSync(join(dist, "_headers"), "utf8");
    expect(headers).toContain("/*.xlsx\n  Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\n");
    expect(headers).toContain("/*.csv\n  Content-Type: text/csv; charset=utf-8\n");
    const raw = page("kodelister/tiltak-kategori/2026");
    expect(raw).toMatch(/href="\/api\/v1\/codelists\/tiltak-kategori\/2026\.xlsx" download="tiltak-kategori-2026\.xlsx"/);
    expect(raw).toMatch(/href="\/api\/v1\/codelists\/tiltak-kategori\/2026\.csv" download="tiltak-kategori-2026\.csv"/);
    expect(page("kalender/2022")).toMatch(/href="\/kalender\/2022\.ics" download="kalender-2022\.ics"/);
  });
});

describe("the pages' search index", () => {
  it("is byte for byte what pagefind makes of the whole pages when the ignored content is left out", async () => {
    // Every searchable page of the bundled site, given to pagefind as it was before (spaced) and as
    // the build gives it now (`indexedHtml`): pagefind itself judges that nothing it indexes is lost.
    const pages = readdirSync(dist, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".html") && !f.startsWith("api"))
      .map((f) => ({ url: `/${f.replace(/index\.html$/, "")}`, html: readFileSync(join(dist, f), "utf8") }))
      .filter((p) => p.html.includes("data-pagefind-body"));
    const indexed = pages.map((p) => indexedHtml(p.html));
    const spaced = pages.map((p) => spacedHtml(p.html));
    // What is left out is every codelist's table of codes, not nothing.
    const tables = pages.flatMap((p, i) => (/class="table-wrap" data-pagefind-ignore/.test(p.html) ? [i] : []));
    expect(tables.length).toBeGreaterThan(10);
    for (const i of tables) expect(indexed[i].length, pages[i].url).toBeLessThan(spaced[i].length - 500);
    const files = async (html: (i: number) => string) => {
      const { index } = await pagefind.createIndex({ includeCharacters: ".§", forceLanguage: "nb" });
      for (let i = 0; i < pages.length; i++) await index!.addHTMLFile({ url: pages[i].url, content: html(i) });
      const { files } = await index!.getFiles();
      return new Map(files.map((f) => [f.path, Buffer.from(f.content).toString("base64")]));
    };
    try {
      const whole = await files((i) => spaced[i]);
      const without = await files((i) => indexed[i]);
      expect([...without.keys()].sort()).toEqual([...whole.keys()].sort());
      for (const [path, content] of whole) expect(without.get(path), path).toBe(content);
    } finally {
      await pagefind.close();
    }
  }, 120_000);

  it("reads of a change table what a row adds: its change, code and text, and an item or proposals only where the row above names others", () => {
    type Cells = Map<string, { shown: string; indexed: string }>;
    const rows: { url: string; cells: Cells; above?: Cells }[] = [];
    const tablesOf = (page: string) =>
      [...page.matchAll(/<table class="ds-table changes[\s\S]*?<\/table>/g)].map((t) =>
        [...t[0].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].slice(1).map((r) => new Map([...r[1].matchAll(/<td\b[^>]*data-label="([^"]+)"[^>]*>([\s\S]*?)<\/td>/g)].map((c) => [c[1], text(c[2]).trim()]))),
      );
    for (const f of readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html") && !f.startsWith("api"))) {
      const html = readFileSync(join(dist, f), "utf8");
      if (!html.includes("data-pagefind-body") || !html.includes('class="ds-table changes')) continue;
      const indexed = tablesOf(indexedHtml(html));
      tablesOf(html).forEach((table, t) => {
        expect(indexed[t].length, f).toBe(table.length);
        let above: Cells | undefined;
        table.forEach((shown, i) => {
          const cells: Cells = new Map([...shown].map(([k, v]) => [k, { shown: v, indexed: indexed[t][i].get(k)! }]));
          rows.push({ url: f, cells, above });
          above = cells;
        });
      });
    }
    expect(rows.length).toBeGreaterThan(20);
    let repeated = 0;
    for (const { url, cells, above } of rows) {
      for (const [label, { shown, indexed }] of cells) {
        if (label === "For avsendere" || label === "For mottakere") expect(indexed, `${url} ${label}`).toBe("");
        else if ((label === "Element" || label === "Begrunnelse") && above?.get(label)?.shown === shown) {
          expect(indexed, `${url} ${label}`).toBe("");
          repeated++;
        } else expect(indexed, `${url} ${label}`).toBe(shown);
      }
    }
    // The pages still show every cell; only the index is spared the repeats.
    expect(repeated).toBeGreaterThan(10);
  });

  it("reads a form's title and contents, not its fields and controls, which are search records of their own", async () => {
    const { registry } = await validateContent(BUNDLED_CONTENT_ROOT);
    const records = searchRecords(registry);
    const forms = readdirSync(join(dist, "skjema"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("index.html"))
      .map((f) => ({ f, html: readFileSync(join(dist, "skjema", f), "utf8") }))
      .filter(({ html }) => html.includes("data-pagefind-body") && html.includes('class="questionnaire"'));
    expect(forms.length).toBeGreaterThan(0);
    for (const { f, html } of forms) {
      const id = f.split("/")[0];
      const indexed = indexedHtml(html);
      expect(indexed, f).toMatch(/<form class="questionnaire"[^>]*data-pagefind-ignore[^>]*><\/form>/);
      expect(indexed, f).toMatch(/<div class="control-block" data-pagefind-ignore><\/div>/);
      // The title and the contents (the parts of the form) stay.
      expect(text(indexed), f).toContain(text(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]).trim());
      expect(indexed, f).toContain('<nav class="form-contents"');
      // Every field the page shows is a record of the form's, found by its label.
      const titles = new Set(records.filter((r) => r.url.startsWith(`/skjema/${id}/`)).map((r) => r.meta.title));
      const labels = [...html.matchAll(/<label for="felt-[^"]+">([\s\S]*?)(?:<span class="required">|<\/label>)/g)].map((m) => text(m[1]).trim());
      expect(labels.length, f).toBeGreaterThan(3);
      for (const label of labels) expect(titles.has(label), `${f}: ${label}`).toBe(true);
      const controls = [...html.matchAll(/<li id="kontroll-([^"]+)"/g)].map((m) => m[1]);
      expect(controls.length, f).toBeGreaterThan(0);
      for (const c of controls) expect(records.some((r) => r.url.startsWith(`/skjema/${id}/`) && r.url.endsWith(`#kontroll-${c}`)), `${f}: ${c}`).toBe(true);
    }
  });

  it("reads a proposal's own status, not the legend of every status that each proposal's page shows", () => {
    const proposals = readdirSync(join(dist, "endringsforslag"), { withFileTypes: true }).filter((e) => e.isDirectory() && !["aar", "slik-foreslar-du"].includes(e.name));
    expect(proposals.length).toBeGreaterThan(3);
    for (const { name } of proposals) {
      const html = page(`endringsforslag/${name}`);
      const status = text(/<p class="proposal-status-now"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1]).trim();
      expect(text(html), name).toContain("Hva statusene betyr");
      const indexed = text(indexedHtml(html));
      expect(indexed, name).not.toContain("Hva statusene betyr");
      expect(indexed, name).toContain(status);
    }
  });
});
