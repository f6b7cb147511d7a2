/**
 * Times `kostra check` on large generated extracts and records its peak memory: a 100 MB fixed-width
 * file of 55F (2026, 12 controls a line) and of 52AF (2026, 34 controls a line; once with every line
 * alike but its journal number, once with every field drawn at random, as a real file's values
 * vary), and a 100 MB 15F XML file (2024, 71 controls, identity rules). Each check runs as the CLI, in a process of its own,
 * under /usr/bin/time -v (peak RSS). A tiny file gives the baseline (loading the registry).
 * Run: npm run bench:check [-- <MB>]. Results go to docs/performance.md by hand.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadContent } from "../src/lib/load/load-content.ts";
import { checkPlan } from "../src/lib/check/plan-from-registry.ts";
import type { CheckPlan } from "../src/lib/check/plan.ts";
import { codesKey } from "../src/lib/check/plan.ts";
import { validLine } from "../test/check-helpers.ts";
import { xorshift } from "./xorshift.ts";

const MB = Number(process.argv[2] ?? 100);
const REPO = new URL("..", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "kostra-check-bench-"));
const { registry } = await loadContent(REPO);
const planOf = (form: string, year: number) => {
  const plan = checkPlan(registry, form, year);
  if ("problem" in plan) throw new Error(plan.problem);
  return plan as CheckPlan;
};

/** Writes `unit` (with a varying part) until the file has `bytes` bytes. */
function writeFile(name: string, bytes: number, head: string, unit: (i: number) => string, tail: string): string {
  const path = join(dir, name);
  const fd = openSync(path, "w");
  writeSync(fd, head);
  let written = head.length;
  let buffer = "";
  for (let i = 0; written < bytes; i++) {
    const u = unit(i);
    buffer += u;
    written += u.length;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = "";
    }
  }
  writeSync(fd, buffer + tail);
  closeSync(fd);
  return path;
}

function run(label: string, path: string, form: string, year: number): void {
  const time = spawnSync("/usr/bin/time", ["-v", process.execPath, join(REPO, "bin", "kostra.js"), "check", path, "--form", form, "--year", String(year), "--format", "json", "--max-problems", "100"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(time.stderr)?.[1]) / 1024;
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(time.stderr)?.[1] ?? "?";
  let summary = "";
  try {
    const report = JSON.parse(time.stdout);
    summary = `${report.verdict}, ${report.lines} lines, ${report.records} records, ${report.counts.ERROR} errors, ${report.counts.WARNING} warnings`;
  } catch {
    summary = time.stdout.slice(0, 200);
  }
  const size = statSync(path).size / (1 << 20);
  console.log(`${label.padEnd(34)} ${size.toFixed(0).padStart(5)} MB  wall ${wall.padStart(8)}  peak RSS ${rss.toFixed(0).padStart(5)} MB  exit ${time.status}  ${summary}`);
}

// Seeded, so that every run writes the same file.
const { next: random, pick } = xorshift(2026);

/**
 * A line whose every field is drawn at random, mostly as the file description allows (a valid code,
 * a date of the year or the one before, a small number), now and then blank or an unknown code: the
 * values vary from line to line as a real file's do, so few lines repeat what a control has seen.
 */
function variedLine(plan: CheckPlan): string {
  const record = plan.version.records![0];
  const two = (n: number) => String(n).padStart(2, "0");
  let line = "";
  for (const field of record.fields) {
    const length = field.length!;
    const codes = plan.codes[codesKey(record.id, field.name)];
    const r = random();
    let value: string;
    if (r < 0.02) value = "";
    else if (codes) value = r < 0.04 ? "9" : pick(codes.valid);
    else if (field.dataType === "DATE_TYPE") value = (field.datePattern ?? "ddMMyyyy").replace("dd", two(1 + Math.floor(random() * 28))).replace("MM", two(1 + Math.floor(random() * 12))).replace("yyyy", String(plan.year - Math.floor(random() * 2)));
    else if (field.dataType === "INTEGER_TYPE") value = String(Math.floor(random() * (random() < 0.5 ? 5 : 60)));
    else value = String(Math.floor(random() * 10 ** Math.min(length, 9)));
    line += field.dataType === "INTEGER_TYPE" ? value.padStart(length, " ").slice(0, length) : value.padEnd(length, " ").slice(0, length);
  }
  return line + "\n";
}

const bytes = MB * (1 << 20);
const f55 = planOf("55f", 2026);
const f52 = planOf("52af", 2026);
const line55 = validLine(f55, { MEKLING_SEP_1: "1", MEKLING_SEP_TOT: "1" }) + "\n";
const line52 = validLine(f52) + "\n";
run("baseline (one 55F line)", writeFile("tiny.dat", 1, "", () => line55, ""), "55f", 2026);
run(`55F 2026, ${MB} MB`, writeFile("55f.dat", bytes, "", () => line55, ""), "55f", 2026);
run(`52AF 2026, ${MB} MB`, writeFile("52af.dat", bytes, "", (i) => line52.replace(/^(.{9}).{9}/, (_, a) => a + String(i).padStart(9, "0")), ""), "52af", 2026);
run(`52AF 2026 varied, ${MB} MB`, writeFile("52af-varied.dat", bytes, "", () => variedLine(f52), ""), "52af", 2026);
const individ = (i: number) =>
  `<Individ Id="I${i}" StartDato="2024-01-15" Journalnummer="J${i}" Saksbehandler="S" Avslutta3112="2" DUFnummer="201912345678">` +
  `<Melding Id="M${i}" StartDato="2024-02-01" SluttDato="2024-02-05" Konklusjon="3"/><Plan Id="P${i}" StartDato="2024-03-01" Plantype="1"/></Individ>\n`;
run(`15F 2024 XML, ${MB} MB`, writeFile("15f.xml", bytes, '<?xml version="1.0" encoding="UTF-8"?>\n<Barnevern><Avgiver Versjon="2024" Kommunenummer="3401" Kommunenavn="Kongsvinger" Organisasjonsnummer="944117784"/>\n', individ, "</Barnevern>\n"), "15f", 2024);
rmSync(dir, { recursive: true, force: true });
