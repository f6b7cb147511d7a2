import { escapeForTerminal } from "../guard/clean-text.ts";
import type { CheckReport, Problem } from "./report.ts";
import type { NextYearComparison } from "./next-year.ts";
import { countNb } from "../text/count-nb.ts";

const SEVERITY_NB: Record<Problem["severity"], string> = { FATAL: "FATAL", ERROR: "FEIL", WARNING: "ADVARSEL", INFO: "INFO" };

/** Where a problem is, in words: line, XML path, record id, field, columns. */
function where(p: Problem): string {
  const parts: string[] = [];
  if (p.lines !== undefined) parts.push(`linjene ${p.lines.join(", ")}`);
  else if (p.line !== undefined) parts.push(`linje ${p.line}`);
  if (p.path !== undefined) parts.push(p.path);
  if (p.recordId !== undefined) parts.push(`journalnummer ${p.recordId}`);
  if (p.field !== undefined) parts.push(`felt ${p.field}`);
  if (p.position !== undefined) parts.push(`posisjon ${p.position}`);
  return parts.join(", ");
}

/**
 * The report as text for a terminal, in Norwegian: the verdict and counts first, then each problem
 * with where it is, what was found and what was expected. Every text from the file is escaped for
 * the terminal (a file may hold control sequences) and was masked by the engine.
 */
export function formatCheckText(report: CheckReport): string {
  const lines: string[] = [];
  const c = report.counts;
  lines.push(`${report.number} ${report.year}${report.versionYear !== undefined ? ` (skjemaversjonen fra ${report.versionYear})` : ""}: ${report.verdict}`);
  lines.push(`${c.FATAL} fatale, ${c.ERROR} feil, ${c.WARNING} advarsler, ${c.INFO} til informasjon · ${report.lines} linjer, ${report.records} poster, ${report.bytes} byte${report.encoding ? `, lest som ${report.encoding}` : ""}`);
  const perControl = Object.entries(report.perControl).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (perControl.length) lines.push(`Per kontroll: ${perControl.map(([id, n]) => `${id} ${n}`).join(", ")}`);
  lines.push("");
  for (const p of report.problems) {
    const at = where(p);
    lines.push(`${SEVERITY_NB[p.severity]} [${p.control}]${at ? ` ${at}` : ""}: ${p.message}`);
    const detail = [p.found !== undefined ? `fant ${p.found}` : "", p.expected !== undefined ? `ventet ${p.expected}` : ""].filter(Boolean).join("; ");
    if (detail) lines.push(`    ${detail}`);
  }
  if (report.truncated) lines.push(`… og flere: ${c.FATAL + c.ERROR + c.WARNING + c.INFO - report.problems.length} problemer er ikke listet (--max-problems).`);
  return lines.map((l) => escapeForTerminal(l)).join("\n") + "\n";
}

/**
 * What is new against next year's rules, as text: the later year's verdict, then each new problem
 * with the change that explains it and its address on the site (`site` + the change's path; the
 * path alone when no address is set).
 */
export function formatComparisonText(comparison: NextYearComparison, site = ""): string {
  const { from, to, newProblems } = comparison;
  const lines: string[] = [];
  lines.push(`Mot reglene for ${to}: ${comparison.verdictTo} (for ${from}: ${comparison.verdictFrom})`);
  if (!newProblems.length) lines.push(`Ingen nye problemer med reglene for ${to}.`);
  else lines.push(`${newProblems.length} ${newProblems.length === 1 ? "nytt problem" : "nye problemer"} med reglene for ${to}, ${comparison.explained} av dem forklart av en endring fra ${from} til ${to}:`);
  lines.push("");
  for (const { problem: p, change, related } of newProblems) {
    const at = where(p);
    lines.push(`${SEVERITY_NB[p.severity]} [${p.control}]${at ? ` ${at}` : ""}: ${p.message}`);
    if (change) lines.push(`    endring: ${change.text}${related > 1 ? ` (og ${countNb(related - 1, "endring")} til)` : ""} – ${site}${change.href}`);
    else lines.push(`    ingen endring i skjemaet forklarer det (en endret kodeliste eller kontroll utenfor skjemaet?)`);
  }
  if (comparison.incomplete) lines.push(`Sammenligningen gjelder bare de listede problemene (--max-problems).`);
  return lines.map((l) => escapeForTerminal(l)).join("\n") + "\n";
}
