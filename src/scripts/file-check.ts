/**
 * «Sjekk en fil» on a form-year page, loaded only when a file is chosen: starts the check in a Web
 * Worker (`src/workers/check-worker.ts`, the engine of `kostra check`), shows its progress, then the
 * summary (SSB's verdict word, counts per severity), the problems grouped by control with filters,
 * what is new against next year's rules beside the change that causes it, and the report as CSV,
 * made here in the browser. Every text from the file is set as text, never as HTML.
 */
import type { CheckMessage, CheckRequest } from "../workers/check-worker.ts";
import type { CheckReport, Problem } from "../lib/check/report.ts";
import type { NextYearComparison } from "../lib/check/next-year.ts";

const SEVERITY_NB: Record<Problem["severity"], string> = { FATAL: "Fatal", ERROR: "Feil", WARNING: "Advarsel", INFO: "Informasjon" };
const SEVERITY_PLURAL: Record<Problem["severity"], string> = { FATAL: "fatale", ERROR: "feil", WARNING: "advarsler", INFO: "til informasjon" };
const SEVERITIES = ["FATAL", "ERROR", "WARNING", "INFO"] as const;
const VERDICT_NB = { FEIL: "filen har feil og blir stoppet", ADVARSEL: "filen har advarsler, men ingen feil", OK: "ingen feil eller advarsler" } as const;
/** The engine's own checks, named as the page names them. */
const OWN_CHECKS: Record<string, string> = { "001": "Postlengde", "002": "Feltverdier", xml: "XML", struktur: "Struktur", fil: "Filen", tegnkoding: "Tegnkoding" };
const MAX_PROBLEMS = 5000;

let worker: Worker | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const where = (p: Problem) =>
  [p.lines !== undefined ? `linjene ${p.lines.join(", ")}` : p.line !== undefined ? `linje ${p.line}` : "", p.path ?? "", p.recordId !== undefined ? `journalnummer ${p.recordId}` : "", p.field !== undefined ? `felt ${p.field}` : "", p.position !== undefined ? `posisjon ${p.position}` : ""].filter(Boolean).join(", ");

function problemItem(p: Problem): HTMLLIElement {
  const detail = [p.found !== undefined ? `fant ${p.found}` : "", p.expected !== undefined ? `ventet ${p.expected}` : ""].filter(Boolean).join("; ");
  return el(
    "li",
    { "data-severity": p.severity, "data-control": p.control, class: "check-problem" },
    el("span", { class: `check-severity severity-${p.severity.toLowerCase()}` }, SEVERITY_NB[p.severity]),
    " ",
    where(p) ? el("span", { class: "check-where" }, where(p)) : "",
    el("span", { class: "check-message" }, p.message),
    detail ? el("span", { class: "check-detail muted" }, detail) : "",
  );
}

function controlName(id: string, titles: Record<string, string>): string {
  return titles[id] ? `${id} ${titles[id]}` : OWN_CHECKS[id] ? `${id} (${OWN_CHECKS[id]})` : id;
}

function summary(report: CheckReport, fileName: string): HTMLElement {
  const c = report.counts;
  return el(
    "div",
    { class: "check-summary", "data-verdict": report.verdict },
    el("p", { class: "check-verdict" }, el("strong", {}, report.verdict), ` – ${VERDICT_NB[report.verdict]} (${report.number} ${report.year})`),
    el("ul", { class: "check-counts" }, ...SEVERITIES.map((s) => el("li", { "data-count": s }, el("strong", {}, String(c[s])), ` ${SEVERITY_PLURAL[s]}`))),
    el("p", { class: "muted" }, `${fileName}: ${report.lines.toLocaleString("nb-NO")} linjer, ${report.records.toLocaleString("nb-NO")} poster, ${report.bytes.toLocaleString("nb-NO")} byte${report.encoding ? `, lest som ${report.encoding}` : ""}.${report.truncated ? ` De første ${report.problems.length.toLocaleString("nb-NO")} problemene er listet; alle er talt.` : ""}`),
  );
}

/** The problems grouped by control, most frequent first, with filters by severity and control. */
function problemGroups(report: CheckReport, titles: Record<string, string>): HTMLElement {
  const wrap = el("div", { class: "check-problems-wrap" });
  if (!report.problems.length) return wrap;
  const byControl = new Map<string, Problem[]>();
  for (const p of report.problems) byControl.set(p.control, [...(byControl.get(p.control) ?? []), p]);
  const order = [...byControl.keys()].sort((a, b) => (report.perControl[b] ?? 0) - (report.perControl[a] ?? 0) || a.localeCompare(b));
  const severity = el("select", { id: "sjekk-alvorlighet" }, el("option", { value: "" }, "Alle"), ...SEVERITIES.filter((s) => report.counts[s] > 0).map((s) => el("option", { value: s }, SEVERITY_NB[s])));
  const control = el("select", { id: "sjekk-kontroll" }, el("option", { value: "" }, "Alle"), ...order.map((id) => el("option", { value: id }, controlName(id, titles))));
  const filters = el("div", { class: "filters check-filters" }, el("label", {}, "Alvorlighet ", severity), el("label", {}, "Kontroll ", control));
  const groups = order.map((id) => {
    const listed = byControl.get(id)!;
    const total = report.perControl[id] ?? listed.length;
    return el(
      "section",
      { class: "check-group", "data-control": id },
      el("h4", {}, controlName(id, titles), el("span", { class: "muted" }, ` – ${total.toLocaleString("nb-NO")} ${total === 1 ? "problem" : "problemer"}${total > listed.length ? `, ${listed.length.toLocaleString("nb-NO")} listet` : ""}`)),
      el("ul", { class: "check-problems" }, ...listed.map(problemItem)),
    );
  });
  const apply = () => {
    for (const group of groups) {
      let shown = 0;
      for (const li of Array.from(group.querySelectorAll<HTMLElement>("li"))) {
        li.hidden = (severity.value !== "" && li.dataset.severity !== severity.value) || (control.value !== "" && li.dataset.control !== control.value);
        if (!li.hidden) shown++;
      }
      group.hidden = shown === 0;
    }
  };
  severity.addEventListener("change", apply);
  control.addEventListener("change", apply);
  wrap.append(el("h3", {}, "Problemer per kontroll"), filters, ...groups);
  return wrap;
}

/** What is new against next year's rules, each problem beside the change that causes it. */
function nextYear(later: CheckReport, comparison: NextYearComparison): HTMLElement {
  const { newProblems } = comparison;
  const section = el(
    "section",
    { class: "check-next", "data-check-next": "" },
    el("h3", {}, `Mot reglene for ${comparison.to}: `, el("strong", {}, comparison.verdictTo)),
    el("p", {}, newProblems.length ? `${newProblems.length.toLocaleString("nb-NO")} ${newProblems.length === 1 ? "problem er nytt" : "problemer er nye"} med reglene for ${comparison.to}; ${comparison.explained.toLocaleString("nb-NO")} av dem forklares av en endring i ${later.number} fra ${comparison.from} til ${comparison.to}.` : `Ingen nye problemer med reglene for ${comparison.to}.`),
  );
  if (comparison.incomplete) section.append(el("p", { class: "muted" }, "Sammenligningen gjelder bare de listede problemene."));
  if (newProblems.length) {
    section.append(
      el(
        "ul",
        { class: "check-problems" },
        ...newProblems.map(({ problem, change, related }) => {
          const item = problemItem(problem);
          item.append(
            change
              ? el("span", { class: "check-change" }, "Endring: ", el("a", { href: change.href }, change.text), related > 1 && change.type !== "record-layout" ? ` (og ${related - 1} til)` : "")
              : el("span", { class: "check-change muted" }, "Ingen endring i skjemaet forklarer det (en endret kodeliste eller kontroll?)."),
          );
          return item;
        }),
      ),
    );
  }
  return section;
}

/** A CSV cell: quoted when it holds the separator, a quote or a line break; a formula's first character neutralised. */
const cell = (value: string | number | undefined) => {
  let text = value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The report as CSV (semicolons, UTF-8 with BOM, as the site's spreadsheets): every listed problem, then those new next year with their change. */
export function reportCsv(report: CheckReport, later?: { report: CheckReport; comparison: NextYearComparison }, origin = ""): string {
  const head = ["år", "alvorlighet", "kontroll", "linje", "sti", "journalnummer", "felt", "posisjon", "funnet", "forventet", "melding", "endring", "lenke"];
  const row = (year: number, p: Problem, change?: { text: string; href: string }) => [year, SEVERITY_NB[p.severity], p.control, p.lines?.join(", ") ?? p.line, p.path, p.recordId, p.field, p.position, p.found, p.expected, p.message, change?.text, change ? `${origin}${change.href}` : undefined];
  const rows = [head, ...report.problems.map((p) => row(report.year, p)), ...(later?.comparison.newProblems ?? []).map((n) => row(later!.report.year, n.problem, n.change))];
  return "\uFEFF" + rows.map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}

function download(report: CheckReport, later: { report: CheckReport; comparison: NextYearComparison } | undefined): HTMLElement {
  const url = URL.createObjectURL(new Blob([reportCsv(report, later, location.origin)], { type: "text/csv;charset=utf-8" }));
  return el("p", {}, el("a", { href: url, download: `sjekk-${report.number}-${report.year}${later ? `-og-${later.report.year}` : ""}.csv`, class: "ds-button", "data-variant": "secondary", "data-check-csv": "" }, "Last ned rapporten (CSV)"));
}

/** Checks the chosen file in a worker and shows the result in the section. */
export function checkChosenFile(section: HTMLElement, file: File, withNext: boolean): void {
  const status = section.querySelector<HTMLElement>("[data-check-status]")!;
  const progress = section.querySelector<HTMLProgressElement>("[data-check-progress]")!;
  const result = section.querySelector<HTMLElement>("[data-check-result]")!;
  const nextPlan = withNext ? section.dataset.nextPlan : undefined;
  worker?.terminate();
  for (const a of Array.from(result.querySelectorAll<HTMLAnchorElement>("a[data-check-csv]"))) URL.revokeObjectURL(a.href);
  result.replaceChildren();
  progress.hidden = false;
  progress.value = 0;
  status.textContent = `Sjekker ${file.name} mot reglene for ${section.dataset.year}${nextPlan ? ` og ${section.dataset.nextYear}` : ""} …`;
  worker = new Worker(new URL("../workers/check-worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<CheckMessage>) => {
    const m = event.data;
    if (m.kind === "progress") {
      const share = m.totalBytes ? m.bytesRead / m.totalBytes : 1;
      progress.value = (m.pass - 1 + share) / m.passes;
      progress.textContent = `${Math.round(progress.value * 100)} %`;
      status.textContent = `Sjekker ${file.name}${m.passes === 2 ? ` (mot reglene for ${m.pass === 1 ? section.dataset.year : section.dataset.nextYear})` : ""}: ${Math.floor(share * 100)} %, ${m.lines.toLocaleString("nb-NO")} linjer`;
      return;
    }
    worker?.terminate();
    worker = undefined;
    progress.value = 1;
    if (m.kind === "failed") {
      progress.hidden = true;
      status.textContent = `Sjekken stoppet: ${m.message}`;
      return;
    }
    status.textContent = `Ferdig: ${file.name} er sjekket.`;
    result.append(el("h3", {}, `Resultat for ${m.report.year}`), summary(m.report, file.name), download(m.report, m.later));
    if (m.later) result.append(nextYear(m.later.report, m.later.comparison));
    result.append(problemGroups(m.report, m.titles));
  };
  worker.onerror = (e) => {
    progress.hidden = true;
    status.textContent = `Sjekken stoppet: ${e.message || "feil i sjekken"}`;
  };
  const request: CheckRequest = { file, planUrl: section.dataset.plan!, ...(nextPlan ? { nextPlanUrl: nextPlan } : {}), maxProblems: MAX_PROBLEMS };
  worker.postMessage(request);
}
