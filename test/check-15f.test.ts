/**
 * The judge of `kostra check` for XML extracts: SSB's own 15F test files (reporting year 2020, copied
 * from statisticsnorway/kostra-kontrollprogram into fixtures/reference/kontrollprogram/testfiler/15F,
 * MIT), each checked as 15F for 2020 against the bundled content. A file's name carries SSB's verdict.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/lib/load/load-content.ts";
import { checkPlan } from "../src/lib/check/plan-from-registry.ts";
import { checkFile } from "../src/lib/check/check-file.ts";
import { CheckPlan } from "../src/lib/check/plan.ts";
import { CheckReport, type Problem } from "../src/lib/check/report.ts";
import { REFERENCE_FILES, REPO } from "./helpers.ts";

const DIR = join(REFERENCE_FILES, "kontrollprogram", "testfiler", "15F");
const files = readdirSync(DIR).filter((f) => /^Testfil_\d\d_(FEIL|ADVARSEL|OK)_/.test(f)).sort();

/**
 * SSB's program checks every year against its one current XSD (`controlProgramSchema: latest`), so
 * what the registry dates to another year is a note there, not an error: each of these files has one,
 * for the reason named.
 */
const NOTES: Record<string, (p: Problem) => boolean> = {
  "Testfil_11_ADVARSEL_2020_15F_for_3401.xml": (p) => p.field === "Kode" && /Saksinnhold/.test(p.path ?? "") && /gjelder først fra 2021/.test(p.expected ?? ""),
  "Testfil_12_ADVARSEL_2020_15F_for_3035_Visma.xml": (p) => p.field === "Ledd" && /Lovhjemmel/.test(p.path ?? ""),
  "Testfil_21_OK_2020_15F_for_3401.xml": (p) => p.field === "Kode" && /Saksinnhold/.test(p.path ?? "") && /gjelder først fra 2021/.test(p.expected ?? ""),
  "Testfil_22_OK_2020_15F_for_030102.xml": (p) => p.field === "Kode" && /Saksinnhold/.test(p.path ?? "") && /gjelder først fra 2021/.test(p.expected ?? ""),
};

let plan: CheckPlan;
beforeAll(async () => {
  const { registry } = await loadContent(REPO);
  const made = checkPlan(registry, "15f", 2020);
  if ("problem" in made) throw new Error(made.problem);
  plan = CheckPlan.parse(JSON.parse(JSON.stringify(made)));
});

const check = (name: string) => checkFile(plan, [readFileSync(join(DIR, name))]);
const errors = (r: CheckReport) => r.problems.filter((p) => p.severity === "ERROR" || p.severity === "FATAL");

describe("SSB's 15F test files, checked as 15F for 2020", () => {
  it("the plan is the 2018 version, serialisable, with the controls copied from the specification", () => {
    expect(plan.versionYear).toBe(2018);
    expect(plan.layout).toBe("xml");
    expect(plan.version.controls?.map((c) => c.id)).toEqual(expect.arrayContaining(["avgiver_02", "individ_09", "melding_03", "tiltak_09"]));
    expect(plan.version.controls?.some((c) => c.id.startsWith("tiltak_24") || c.scope === "flytting")).toBe(false);
  });

  for (const name of files) {
    const verdict = name.split("_")[2];
    it(`${name}: ${verdict}`, async () => {
      const report = CheckReport.parse(await check(name));
      expect(report.readable).toBe(true);
      if (verdict === "FEIL") {
        expect(report.verdict).toBe("FEIL");
        expect(report.counts.ERROR + report.counts.FATAL).toBeGreaterThan(0);
        return;
      }
      expect(errors(report)).toEqual([]);
      expect(report.verdict).toBe(verdict);
      const note = NOTES[name];
      if (note) expect(report.problems.filter((p) => p.severity === "INFO" && p.control === "struktur").some(note)).toBe(true);
      if (verdict === "ADVARSEL") expect(report.counts.WARNING).toBeGreaterThan(0);
      else expect(report.counts.WARNING).toBe(0);
    });
  }

  it("FEIL files fail for SSB's reasons", async () => {
    const controls = async (name: string) => Object.keys((await check(name)).perControl);
    expect(await controls("Testfil_02_FEIL_2020_15F_for_3401_feil_i_avgiver.xml")).toContain("avgiver_02");
    expect(await controls("Testfil_03_FEIL_2020_15F_for_030102.xml")).toEqual(expect.arrayContaining(["individ_09", "individ_10"]));
    expect(await controls("Testfil_06_FEIL_2020_15F_for_3401.xml")).toEqual(expect.arrayContaining(["individ_02a", "struktur"]));
    const missing = (await check("Testfil_05_FEIL_2020_15F_for_3401_feil_i_melding_mangler_kode.xml")).problems;
    expect(missing).toEqual([expect.objectContaining({ severity: "ERROR", field: "Kode", path: "/Barnevern/Individ[1]/Melding[1]/Melder[1]", line: 7 })]);
  });

  it("a code or element SSB's current description lacks too is still an error, not a note", async () => {
    const ok = readFileSync(join(DIR, "Testfil_21_OK_2020_15F_for_3401.xml"), "utf8");
    const unknown = await checkFile(plan, [Buffer.from(ok.replace('<Saksinnhold Kode="27"', '<Saksinnhold Kode="99"').replace("<Individ ", "<Tilfeldig/><Individ "))]);
    expect(unknown.verdict).toBe("FEIL");
    expect(errors(unknown)).toEqual([
      expect.objectContaining({ control: "struktur", found: "<Tilfeldig>" }),
      expect.objectContaining({ field: "Kode", found: "'99'", expected: "en kode fra kodelisten saksinnhold (2018)" }),
    ]);
    // Checked as 2024 (the current description itself), a code dated to 2021 is no note at all.
    const current = CheckPlan.parse(JSON.parse(JSON.stringify(checkPlan((await loadContent(REPO)).registry, "15f", 2024))));
    expect(current.program).toBeUndefined();
  });

  it("reads ISO-8859-1 and fills messages from the record, never printing a personal number", async () => {
    const report = await check("Testfil_04_FEIL_2020_15F_for_3401.xml");
    expect(report.encoding).toBe("ISO-8859-1");
    const text = JSON.stringify(report);
    for (const m of readFileSync(join(DIR, "Testfil_04_FEIL_2020_15F_for_3401.xml"), "latin1").matchAll(/Fodselsnummer="(\d{11})"/g)) expect(text).not.toContain(m[1]);
    expect(report.problems.find((p) => p.control === "individ_02a")).toMatchObject({ recordId: "Individ K 02a", message: "Individets startdato (2020-12-01) er etter sluttdato (2020-05-05)" });
  });

  for (const name of ["Testfil_00_Blank.txt", "Testfil_00_Junk.dat"]) {
    it(`${name}: «ikke en 15F-fil», exit 2`, async () => {
      const report = await check(name);
      expect(report.readable).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ severity: "FATAL", message: expect.stringContaining("ikke en 15F-fil") })]);
      const cli = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "check", join(DIR, name), "--form", "15f", "--year", "2020"], { encoding: "utf8" });
      expect(cli.status).toBe(2);
      expect(cli.stdout).toContain("ikke en 15F-fil");
    });
  }

  it("the CLI exits 1 on a FEIL file, 0 on warnings only (2024 content), with JSON that matches its schema", () => {
    const run = (name: string, ...args: string[]) => spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "check", join(DIR, name), "--form", "15f", "--year", "2020", ...args], { encoding: "utf8" });
    const feil = run("Testfil_02_FEIL_2020_15F_for_3401_feil_i_avgiver.xml", "--format", "json");
    expect(feil.status).toBe(1);
    expect(CheckReport.parse(JSON.parse(feil.stdout)).verdict).toBe("FEIL");
    const text = run("Testfil_04_FEIL_2020_15F_for_3401.xml", "--max-problems", "3");
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/^15F 2020 \(skjemaversjonen fra 2018\): FEIL/);
    expect(text.stdout).toContain("problemer er ikke listet (--max-problems)");
    const usage = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "check", join(DIR, files[0]), "--form", "15f"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
  });
});
