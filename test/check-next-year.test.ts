/**
 * «Next year in one step»: one file checked against this year's rules and next year's, the problems
 * new in next year each beside the change to the form that causes it (`compareReports`), on 55F
 * 2024 → 2025, where SSB's changelog (changelog_for_55F_from_2024_to_2025.md) removes 74 fields
 * and the record becomes shorter; and on 15F, where a code is withdrawn.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../src/lib/load/load-content.ts";
import type { Registry } from "../src/lib/model/registry.ts";
import { checkPlan } from "../src/lib/check/plan-from-registry.ts";
import { checkFile } from "../src/lib/check/check-file.ts";
import { compareReports, NextYearComparison } from "../src/lib/check/next-year.ts";
import { CheckPlan } from "../src/lib/check/plan.ts";
import { changeAnchor } from "../src/lib/site/urls.ts";
import { chunksOf, validLine } from "./check-helpers.ts";
import { REPO, tempDir } from "./helpers.ts";

let registry: Registry;
const plan = (form: string, year: number, changes = false): CheckPlan => {
  const p = checkPlan(registry, form, year, { changes });
  if ("problem" in p) throw new Error(p.problem);
  return p;
};
beforeAll(async () => {
  registry = (await loadContent(REPO)).registry;
});

const utf8 = (text: string) => new TextEncoder().encode(text);
const changelog = readFileSync(join(REPO, "test/fixtures/reference/kontrollprogram/changelog_for_55F_from_2024_to_2025.md"), "utf8");
const removedIn2025 = [...changelog.slice(changelog.indexOf("## Fjernet"), changelog.indexOf("## Lagt til")).matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);

describe("a 55F file of 2024 checked against the rules of 2025", () => {
  it("the plan carries the form's changes from the year before, each linked to its row on the change page", () => {
    const p = plan("55f", 2025, true);
    expect(CheckPlan.safeParse(p).success).toBe(true);
    const removed = p.changes!.filter((c) => c.type === "field-removed").map((c) => c.element!.split(".")[1]);
    expect(removed.sort()).toEqual([...removedIn2025].sort());
    const one = p.changes!.find((c) => c.element === "55f.AVTALE_FLY_1")!;
    expect(one.href).toBe(`/skjema/55f/endringer/2024-2025/#${changeAnchor(one.id)}`);
    expect(one.text).toMatch(/AVTALE_FLY_1/);
    // Without the option, and for a year the registry has no year before, none.
    expect(plan("55f", 2025).changes).toBeUndefined();
  });

  it("passes in 2024; in 2025 every line is new as the wrong length, explained by the fields removed", async () => {
    const file = utf8(`${validLine(plan("55f", 2024))}\n`.repeat(3));
    const before = await checkFile(plan("55f", 2024), chunksOf(file));
    expect(before.verdict).not.toBe("FEIL");
    const to = plan("55f", 2025, true);
    const after = await checkFile(to, chunksOf(file));
    expect(after.verdict).toBe("FEIL");
    const comparison = compareReports(before, after, to.changes);
    expect(NextYearComparison.safeParse(comparison).success).toBe(true);
    expect(comparison).toMatchObject({ from: 2024, to: 2025, verdictTo: "FEIL" });
    const lengths = comparison.newProblems.filter((n) => n.problem.control === "001");
    expect(lengths.map((n) => n.problem.line)).toEqual([1, 2, 3]);
    for (const n of lengths) {
      expect(n.change).toMatchObject({ type: "record-layout", text: `Postens oppbygging er endret: ${removedIn2025.length} felt fjernet, 9 felt lagt til, 4 felt flyttet eller med ny lengde`, href: "/skjema/55f/endringer/2024-2025/" });
      expect(n.related).toBeGreaterThan(removedIn2025.length);
    }
    // No line has the length of 2025: the file as a whole, explained the same way.
    expect(comparison.newProblems.find((n) => n.problem.control === "fil")?.change?.type).toBe("record-layout");
    expect(comparison.explained).toBe(comparison.newProblems.length);
  });

  it("a problem the file has in both reports is not new", async () => {
    // A line as 2025 wants it, with a field left blank that is required.
    const p25 = plan("55f", 2025, true);
    const line = validLine(p25, { FYLKE_NR: "  " });
    const before = await checkFile(p25, chunksOf(utf8(`${line}\n`)));
    const after = await checkFile(p25, chunksOf(utf8(`${line}\n`)));
    expect(before.problems.some((p) => p.field === "FYLKE_NR")).toBe(true);
    expect(compareReports(before, after, p25.changes).newProblems).toEqual([]);
  });
});

describe("a 15F file of 2021 checked against the rules of 2022", () => {
  it("a code withdrawn from Kategori (6.5) is new in 2022, beside the change that removes that very code", async () => {
    // SSB's OK test file with Kategori 6.5, a code of 2021's list that 2022's lacks.
    const xml = readFileSync(join(REPO, "test/fixtures/reference/kontrollprogram/testfiler/15F/Testfil_21_OK_2020_15F_for_3401.xml"), "latin1").replaceAll('<Kategori Kode="1.99">', '<Kategori Kode="6.5">');
    const bytes = new Uint8Array(Buffer.from(xml, "latin1"));
    const before = await checkFile(plan("15f", 2021), chunksOf(bytes));
    const to = plan("15f", 2022, true);
    const after = await checkFile(to, chunksOf(bytes));
    const comparison = compareReports(before, after, to.changes);
    expect(comparison.newProblems.length).toBeGreaterThan(0);
    for (const n of comparison.newProblems) {
      expect(n.problem).toMatchObject({ field: "Kode" });
      expect(n.problem.path).toMatch(/\/Kategori\[1\]$/);
      expect(n.change).toMatchObject({ type: "field-code-removed", element: "kategori.Kode", code: "6.5" });
      expect(n.change!.href).toBe(`/skjema/15f/endringer/2021-2022/#${changeAnchor("form:15f:field-code-removed:kategori.Kode:6.5")}`);
    }
  });
});

describe("kostra check --next", () => {
  it("prints the problems new next year with the change and its address; --format json gives both reports and the comparison", () => {
    const dir = tempDir("next");
    const file = join(dir, "55f-2024.dat");
    writeFileSync(file, `${validLine(plan("55f", 2024))}\n`.repeat(2));
    const text = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "check", file, "--form", "55f", "--year", "2024", "--next"], { encoding: "utf8", env: { ...process.env, KOSTRA_SITE_URL: "" } });
    // Warnings only in 2024, errors in 2025: exit 1.
    expect(text.status, text.stderr).toBe(1);
    expect(text.stdout).toMatch(/Mot reglene for 2025: FEIL/);
    expect(text.stdout).toMatch(/3 nye problemer med reglene for 2025, 3 av dem forklart/);
    expect(text.stdout).toMatch(/endring: Postens oppbygging er endret: 74 felt fjernet.* – \/skjema\/55f\/endringer\/2024-2025\/\n/);
    const json = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "check", file, "--form", "55f", "--year", "2024", "--compare-year", "2025", "--format", "json"], { encoding: "utf8" });
    const out = JSON.parse(json.stdout);
    expect(out.report.year).toBe(2024);
    expect(out.laterReport.year).toBe(2025);
    expect(out.comparison.newProblems).toHaveLength(3);
    const bad = spawnSync(process.execPath, [join(REPO, "bin", "kostra.js"), "check", file, "--form", "55f", "--year", "2024", "--compare-year", "2023"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
  });
});
