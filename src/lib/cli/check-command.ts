import { createReadStream, statSync } from "node:fs";
import { loadContent } from "../load/load-content.ts";
import { checkFile } from "../check/check-file.ts";
import { checkPlan, planChanges } from "../check/plan-from-registry.ts";
import { formatCheckText, formatComparisonText } from "../check/format-text.ts";
import { compareReports } from "../check/next-year.ts";
import type { CheckPlan } from "../check/plan.ts";
import type { CheckReport } from "../check/report.ts";
import { configuredSite } from "../site/address.ts";
import { safe } from "../check/mask.ts";
import { escapeForTerminal } from "../guard/clean-text.ts";

/** A progress line is written for files larger than this, or whenever stderr is a terminal. */
const PROGRESS_FROM_BYTES = 20 * 1024 * 1024;
/** Chunks read from the file. */
const CHUNK_BYTES = 1024 * 1024;

export interface CheckCommandOptions {
  form?: string;
  year?: string;
  format?: string;
  maxProblems?: string;
  /** Also check against the rules of the year after and list what is new. */
  next?: boolean;
  /** Also check against the rules of this later year (instead of the next). */
  compareYear?: string;
}

const say = (text: string) => process.stderr.write(escapeForTerminal(safe(text)) + "\n");

/**
 * `kostra check <file> --form <id> --year <Y> [--format text|json] [--max-problems N]`: checks an
 * extract against the form version in force that year (`src/lib/check`). Exit 0 when the file has
 * no errors (warnings allowed), 1 when it has errors, 2 when it could not be read as that kind of
 * file or the arguments are wrong. The file is read as a stream of chunks; nothing leaves the machine.
 */
export async function runCheck(root: string, positionals: string[], options: CheckCommandOptions): Promise<number> {
  if (positionals.length !== 1) {
    say("kostra check: give one file, e.g. `npx kostra check barnevern.xml --form 15f --year 2024`");
    return 2;
  }
  const [file] = positionals;
  const year = Number(options.year);
  if (!options.form || !options.year || !Number.isInteger(year)) {
    say("kostra check: give the form and the reporting year: --form <id> --year <YYYY>");
    return 2;
  }
  const format = options.format ?? "text";
  if (format !== "text" && format !== "json") {
    say(`kostra check: unknown --format "${format}" (expected text or json)`);
    return 2;
  }
  const maxProblems = options.maxProblems === undefined ? 1000 : Number(options.maxProblems);
  if (!Number.isInteger(maxProblems) || maxProblems < 0) {
    say("kostra check: --max-problems takes a whole number ≥ 0");
    return 2;
  }
  let size: number;
  try {
    const stat = statSync(file);
    // A FIFO or a device (/dev/zero) never ends: only regular files are read.
    if (!stat.isFile()) {
      say(`kostra check: ${file} is not a regular file`);
      return 2;
    }
    size = stat.size;
  } catch (e) {
    say(`kostra check: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  const laterYear = options.compareYear !== undefined ? Number(options.compareYear) : options.next ? year + 1 : undefined;
  if (laterYear !== undefined && (!Number.isInteger(laterYear) || laterYear <= year)) {
    say("kostra check: --compare-year takes a reporting year after --year");
    return 2;
  }
  const { registry, findings } = await loadContent(root);
  const plan = checkPlan(registry, options.form.toLowerCase(), year);
  const later = laterYear !== undefined ? checkPlan(registry, options.form.toLowerCase(), laterYear) : undefined;
  for (const p of [plan, later]) {
    if (p && "problem" in p) {
      say(`kostra check: ${p.problem}`);
      if (findings.some((f) => f.severity === "error")) say("kostra check: the content has errors; run `npx kostra validate`");
      return 2;
    }
  }
  const report = await checkOnce(file, size, plan as CheckPlan, maxProblems);
  if (!later) {
    process.stdout.write(format === "json" ? JSON.stringify(report, null, 2) + "\n" : formatCheckText(report));
    if (!report.readable) return 2;
    return report.verdict === "FEIL" ? 1 : 0;
  }
  const laterPlan = later as CheckPlan;
  const laterReport = await checkOnce(file, size, laterPlan, maxProblems);
  // Every year's changes between the two: a problem new in the later year may come from any of them.
  const changes = Array.from({ length: laterYear! - year }, (_, i) => planChanges(registry, laterPlan.form, year + 1 + i)).flat();
  const comparison = compareReports(report, laterReport, changes);
  if (format === "json") process.stdout.write(JSON.stringify({ report, laterReport, comparison }, null, 2) + "\n");
  else process.stdout.write(formatCheckText(report) + "\n" + formatComparisonText(comparison, configuredSite() ?? ""));
  // A file the later year cannot read as its file (every line of the old length) is that year's error, not exit 2.
  if (!report.readable) return 2;
  return report.verdict === "FEIL" || laterReport.verdict === "FEIL" ? 1 : 0;
}

/** One reading of the file against one plan, with a progress line for large files. */
async function checkOnce(file: string, size: number, plan: CheckPlan, maxProblems: number): Promise<CheckReport> {
  const showProgress = process.stderr.isTTY || size > PROGRESS_FROM_BYTES;
  let lastShown = 0;
  const report = await checkFile(plan, createReadStream(file, { highWaterMark: CHUNK_BYTES }), {
    maxProblems,
    totalBytes: size,
    onProgress: showProgress
      ? (p) => {
          const now = Date.now();
          if (now - lastShown < 500 && p.bytesRead < size) return;
          lastShown = now;
          const percent = size ? Math.floor((p.bytesRead / size) * 100) : 100;
          process.stderr.write(`\rkostra check: ${percent} % (${(p.bytesRead / 1048576).toFixed(0)} av ${(size / 1048576).toFixed(0)} MB, ${p.lines} linjer, ${p.problems} problemer)${process.stderr.isTTY ? "" : "\n"}`);
        }
      : undefined,
  });
  if (showProgress && process.stderr.isTTY) process.stderr.write("\n");
  return report;
}
