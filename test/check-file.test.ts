/**
 * The file-check engine (`src/lib/check`) on fixed-width extracts built from the registry's file
 * descriptions, and on hostile files: each ends in a clear problem, within bounded time and memory.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/lib/load/load-content.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { checkPlan } from "../src/lib/check/plan-from-registry.ts";
import { checkFile } from "../src/lib/check/check-file.ts";
import type { CheckPlan } from "../src/lib/check/plan.ts";
import { MAX_DEPTH } from "../src/lib/check/xml.ts";
import { chunksOf, validLine } from "./check-helpers.ts";
import { REPO, tempDir } from "./helpers.ts";
import { makeNationalId } from "./national-ids.ts";

let registry: Registry;
const plans = new Map<string, CheckPlan>();
const planFor = (form: string, year: number) => {
  const key = `${form}/${year}`;
  if (!plans.has(key)) {
    const plan = checkPlan(registry, form, year);
    if ("problem" in plan) throw new Error(plan.problem);
    plans.set(key, plan);
  }
  return plans.get(key)!;
};
beforeAll(async () => {
  registry = (await loadContent(REPO)).registry;
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const check = (plan: CheckPlan, bytes: Uint8Array, maxProblems?: number) => checkFile(plan, chunksOf(bytes), { maxProblems });
const fieldProblems = async (plan: CheckPlan, line: string) => (await check(plan, utf8(`${line}\n`))).problems.filter((p) => p.control === "001" || p.control === "002");

describe("fixed-width extracts", () => {
  it("a 55F line built from the 2026 file description passes, as does a 52AF line (no error)", async () => {
    const f55 = await check(planFor("55f", 2026), utf8(`${validLine(planFor("55f", 2026))}\n`.repeat(3)));
    expect(f55).toMatchObject({ verdict: "OK", readable: true, lines: 3, encoding: "UTF-8" });
    const f52 = await check(planFor("52af", 2026), utf8(`${validLine(planFor("52af", 2026))}\r\n`));
    expect(f52.counts.ERROR + f52.counts.FATAL).toBe(0);
    expect(f52.verdict).not.toBe("FEIL");
  });

  it("a line of the wrong length is control 001 (FATAL), and stops the form's controls", async () => {
    const plan = planFor("55f", 2026);
    const line = validLine(plan);
    const report = await check(plan, utf8(`${line}\n${line.slice(0, -1)}\n`));
    expect(report.problems).toEqual([expect.objectContaining({ severity: "FATAL", control: "001", line: 2, found: `${line.length - 1} tegn`, expected: `${line.length} tegn` })]);
    expect(report.verdict).toBe("FEIL");
  });

  it("a date that is no date, an unknown code and a blank mandatory field are each control 002 at their columns", async () => {
    const a = planFor("52af", 2026);
    expect(await fieldProblems(a, validLine(a, { HENV_DATO_A: "32132026" }))).toEqual([expect.objectContaining({ control: "002", severity: "ERROR", line: 1, field: "HENV_DATO_A", position: "19–26", found: "'32132026'", expected: "en dato skrevet DDMMÅÅÅÅ" })]);
    const f = planFor("55f", 2026);
    expect(await fieldProblems(f, validLine(f, { FYLKE_NR: "77" }))).toEqual([expect.objectContaining({ field: "FYLKE_NR", position: "1–2", found: "'77'", expected: "en kode fra feltets egen kodeliste" })]);
    expect(await fieldProblems(f, validLine(f, { KONTOR_NR: "   " }))).toEqual([expect.objectContaining({ field: "KONTOR_NR", position: "37–39", expected: "en verdi (feltet er obligatorisk)" })]);
    expect(await fieldProblems(f, validLine(f, { MEKLING_SEP_1: "  1x " }))).toEqual([expect.objectContaining({ field: "MEKLING_SEP_1", expected: "et heltall" })]);
  });

  it("fills SSB's «forventet én av: {codeList}» with the field's code list as SSB's program writes it", async () => {
    const plan = planFor("52af", 2026);
    const line = validLine(plan, { KONTAKT_TIDL_A: "7" });
    const problem = (await check(plan, utf8(`${line}\n`))).problems.find((p) => p.control === "009")!;
    expect(problem.message).toBe(
      "Det er ikke fylt ut om primærklienten har vært i kontakt med/klient ved familievernet tidligere, eller feil kode er benyttet. Fant '7', forventet én av: [1=under 6 md siden, 2=mellom 6 md og 3 år siden, 3=3 år eller mer siden, 4=har ikke vært i kontakt med familievernet tidligere]. Feltet er obligatorisk å fylle ut.",
    );
  });

  it("a 55F record whose rows do not add up gives SSB's message once per failing row, names and values filled", async () => {
    const plan = planFor("55f", 2026);
    // The first row sums to 2, not 3; so does the total row (the columns add up).
    const line = validLine(plan, { MEKLING_SEP_1: "1", MEKLING_SEP_2: "1", MEKLING_SEP_TOT: "3", MEKLING_TOT_1: "1", MEKLING_TOT_2: "1", MEKLING_TOT_ALLE: "3" });
    const report = await check(plan, utf8(`${validLine(plan)}\n${line}\n`));
    expect(report.problems.filter((p) => p.control === "005")).toEqual([
      { severity: "WARNING", control: "005", line: 2, message: "Summen (MEKLING_SEP_TOT) med verdi (3) er ulik summen (2) av følgende liste ([(MEKLING_SEP_1, 1), (MEKLING_SEP_2, 1), (MEKLING_SEP_3, 0)])" },
      { severity: "WARNING", control: "005", line: 2, message: "Summen (MEKLING_TOT_ALLE) med verdi (3) er ulik summen (2) av følgende liste ([(MEKLING_TOT_1, 1), (MEKLING_TOT_2, 1), (MEKLING_TOT_3, 0)])" },
    ]);
    expect(report.perControl["005"]).toBe(2);
    // MEKLING_TOT_ALLE now differs from the other totals: control 014 lists them all, as SSB does.
    expect(report.problems.find((p) => p.control === "014")?.message).toBe(
      "Én eller flere i følgende liste har ulik verdi i forhold til de andre: [(MEKLING_TOT_ALLE, 3), (ENBEGGE_TOT, 0), (VENTETID_TOT_TOT, 0), (VARIGHET_TOT_TOT, 0), (RESULT_TOT_TOT, 0)]",
    );
  });

  it("fills SSB's lists of valid numbers from the region mapping, sorted and without repeats", async () => {
    const plan = planFor("52af", 2026);
    const mapping = plan.variables.koblinger as { region: string; kontor: string }[];
    const regions = [...new Set(mapping.map((k) => k.region))].sort();
    const report = await check(plan, utf8(`${validLine(plan, { REGION_NR_A: "XXXXXX" })}\n`));
    expect(regions.length).toBeGreaterThan(1);
    expect(report.problems.find((p) => p.control === "003")?.message).toBe(`Regionsnummeret som er oppgitt i recorden fins ikke i listen med gyldige regionsnumre. Fant 'XXXXXX', forventet én av : [${regions.join(", ")}].`);
  });

  it("reports 52AF's duplicates once per group, at all its lines, in one pass over every line", async () => {
    const plan = planFor("52af", 2026);
    const record = plan.version.records![0];
    const width = (name: string) => record.fields.find((f) => f.name === name)!.length!;
    const line = (journal: string) => validLine(plan, { KONTOR_NR_A: "017", JOURNAL_NR_A: journal });
    const report = await check(plan, utf8([line("J1"), line("J2"), line("J1"), line("J3"), line("J1")].join("\n") + "\n"));
    expect(report.problems.filter((p) => p.control === "006")).toEqual([
      { severity: "WARNING", control: "006", line: 1, lines: [1, 3, 5], message: `Journalnummeret er benyttet på mer enn en sak (3 stk). Dubletter på kontornummer '017' - journalnummer '${"J1".padEnd(width("JOURNAL_NR_A"))}'.` },
    ]);
  });

  it("gives 52AF's rule 026 once per participant group that is missing its count, named as SSB names it", async () => {
    const plan = planFor("52af", 2026);
    const blank = Object.fromEntries(plan.version.records![0].fields.filter((f) => /^DELT_/.test(f.name)).map((f) => [f.name, " "]));
    // validLine right-aligns a number field: SAMT_VENN_A is « X», shown as the file writes it.
    const line = validLine(plan, { ...blank, DELT_PARTNER_A: "1", SAMT_PARTNER_A: "  ", DELT_VENN_A: "1", SAMT_VENN_A: "X" });
    const messages = (await check(plan, utf8(`${line}\n`))).problems.filter((p) => p.control === "026").map((p) => p.message);
    expect(messages).toEqual([
      "Det er oppgitt at andre personer (Partner) har deltatt i samtaler med primærklient i løpet av året, men det er ikke oppgitt hvor mange behandlingssamtaler (  ) de ulike personene har deltatt i gjennom av året.",
      "Det er oppgitt at andre personer (Venner) har deltatt i samtaler med primærklient i løpet av året, men det er ikke oppgitt hvor mange behandlingssamtaler ( X) de ulike personene har deltatt i gjennom av året.",
    ]);
  });

  it("reads an ISO-8859-1 file (SSB's files often are) and counts characters, not bytes", async () => {
    const plan = planFor("55f", 2026);
    const line = validLine(plan, { FYLKE_NR: "15", FYLKE_NAVN: "Møre og Romsdal" });
    const latin1 = Uint8Array.from(line, (c) => c.charCodeAt(0));
    const report = await check(plan, latin1);
    expect(report).toMatchObject({ verdict: "OK", encoding: "ISO-8859-1" });
  });

  it("runs the form's controls per line with the portal's values when given, and says which it could not run", async () => {
    const plan = planFor("regnskap", 2025);
    const line = validLine(plan);
    const without = await check(plan, utf8(`${line}\n`));
    expect(without.verdict).not.toBe("FEIL");
    expect(without.problems.find((p) => p.control === "003")).toMatchObject({ severity: "INFO", message: expect.stringContaining("kunne ikke kjøres") });
    const withPortal = await checkFile(plan, [utf8(`${line}\n`)], { portal: { preutfylt: { skjema: "0C", aargang: "2025", kvartal: " ", region: "030100", foretaksnr: "         ", orgnr: ["         "] } } });
    expect(withPortal.problems.find((p) => p.control === "003")).toMatchObject({ severity: "ERROR", line: 1 });
  });

  it("lists at most --max-problems, counting them all", async () => {
    const plan = planFor("55f", 2026);
    const report = await check(plan, utf8("x\n".repeat(500)), 10);
    expect(report.problems).toHaveLength(10);
    expect(report.counts.FATAL).toBe(501);
    expect(report.truncated).toBe(true);
  });
});

describe("hostile files end in a clear problem, quickly", () => {
  it("a binary file is «ikke en tekstfil»", async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const report = await check(planFor("55f", 2026), bytes);
    expect(report).toMatchObject({ readable: false, problems: [expect.objectContaining({ severity: "FATAL", message: expect.stringContaining("ikke en tekstfil") })] });
  });

  it("one endless line (50 MB, no line break) is one problem, in bounded memory", async () => {
    const plan = planFor("55f", 2026);
    const chunk = utf8("9".repeat(1024 * 1024));
    function* endless() {
      for (let i = 0; i < 50; i++) yield chunk;
    }
    const started = Date.now();
    const report = await checkFile(plan, endless());
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(report.problems.map((p) => [p.control, p.found])).toEqual([["001", `${50 * 1024 * 1024} tegn`], ["fil", undefined]]);
    expect(report.readable).toBe(false);
    const xml = await checkFile(planFor("15f", 2024), (function* () {
      yield utf8('<Barnevern><Avgiver Kommunenavn="');
      for (let i = 0; i < 50; i++) yield chunk;
    })());
    expect(xml.problems).toEqual([expect.objectContaining({ severity: "FATAL", message: expect.stringContaining("uten et XML-element") })]);
  });

  it("an XML bomb (billion laughs) is refused at its DOCTYPE: no entity is expanded", async () => {
    const lol = ['<?xml version="1.0"?>', '<!DOCTYPE Barnevern [', ' <!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(` <!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
    lol.push("]>", "<Barnevern><Avgiver Kommunenavn=\"&lol9;\"/></Barnevern>");
    const started = Date.now();
    const report = await check(planFor("15f", 2024), utf8(lol.join("\n")));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(report).toMatchObject({ readable: false, verdict: "FEIL" });
    expect(report.problems).toEqual([expect.objectContaining({ severity: "FATAL", message: expect.stringContaining("DOCTYPE") })]);
  });

  it("XML nested 100 000 levels deep stops at the depth limit", async () => {
    const text = "<Barnevern>" + "<Individ>".repeat(100_000) + "</Individ>".repeat(100_000) + "</Barnevern>";
    const started = Date.now();
    const report = await check(planFor("15f", 2024), utf8(text));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.problems.at(-1)).toMatchObject({ severity: "FATAL", message: expect.stringContaining(`dypere enn ${MAX_DEPTH} nivåer`) });
  });

  it("XML that is not 15F, or not XML at all, is «ikke en 15F-fil»", async () => {
    const plan = planFor("15f", 2024);
    expect((await check(plan, utf8("<html><body/></html>"))).problems[0]).toMatchObject({ severity: "FATAL", message: expect.stringContaining("ikke en 15F-fil") });
    expect((await check(plan, utf8("Hei, dette er et brev.\n"))).problems[0]).toMatchObject({ severity: "FATAL", message: expect.stringContaining("ikke en 15F-fil") });
    const broken = await check(plan, utf8('<Barnevern><Avgiver Versjon="2024"></Barnevern>'));
    expect(broken.problems.at(-1)).toMatchObject({ severity: "ERROR", control: "xml", line: 1 });
    expect(broken.readable).toBe(true);
  });

  it("invalid UTF-8 after UTF-8 text is reported once; a code withdrawn that year says so", async () => {
    const plan = planFor("15f", 2021);
    const xml = '<Barnevern><Avgiver Versjon="2021" Kommunenummer="3401" Kommunenavn="Kongsvinger" Organisasjonsnummer="944117784"/>' +
      '<Individ Id="I1" StartDato="2021-01-01" Journalnummer="J1" Saksbehandler="Åse" Avslutta3112="2" DUFnummer="201912345678">' +
      '<Melding Id="M1" StartDato="2021-02-01"><Saksinnhold Kode="4"/></Melding></Individ></Barnevern>';
    const bytes = new Uint8Array([...utf8(xml.replace("</Barnevern>", "")), 0xff, 0xfe, ...utf8("</Barnevern>")]);
    const report = await check(plan, bytes);
    expect(report.problems.filter((p) => p.control === "tegnkoding")).toHaveLength(1);
    expect(report.problems.find((p) => p.field === "Kode")).toMatchObject({ found: "'4'", expected: expect.stringContaining("koden 4 gjaldt til og med 2020") });
  });

  it("the CLI refuses what is not a regular file, with exit 2", () => {
    const cli = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "check", "/dev/zero", "--form", "55f", "--year", "2026"], { encoding: "utf8" });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain("not a regular file");
  });

  it("the CLI exits 0 on a file with warnings only, and never prints a personal number", () => {
    const dir = tempDir("check");
    const file = join(dir, "15f.xml");
    const number = makeNationalId("150320");
    writeFileSync(file, '<?xml version="1.0" encoding="ISO-8859-1"?>\n<Barnevern><Avgiver Versjon="2020" Kommunenummer="3401" Kommunenavn="Kongsvinger" Organisasjonsnummer="944117784"/>\n' +
      `<Individ Id="I1" StartDato="2020-01-01" Journalnummer="J1" Saksbehandler="S" Avslutta3112="2" Fodselsnummer="${number}">\n` +
      '<Melding Id="M1" StartDato="2020-03-01" SluttDato="2020-03-20" Konklusjon="3"/></Individ></Barnevern>\n');
    const cli = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "check", file, "--form", "15f", "--year", "2020"], { encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/^15F 2020 \(skjemaversjonen fra 2018\): ADVARSEL/);
    expect(cli.stdout).toContain("[melding_03]");
    expect(cli.stdout + cli.stderr).not.toContain(number);
    const json = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "check", file, "--form", "15f", "--year", "2020", "--format", "json"], { encoding: "utf8" });
    expect(json.stdout).not.toContain(number);
  });
});
