/**
 * Runs a questionnaire's controls in the browser as the user types, with the same evaluator and
 * context the registry's tests use (src/lib/rules), so the page and `npm test` cannot disagree.
 */
import { evaluateControl } from "../lib/rules/evaluate.ts";
import { questionnaireContext } from "../lib/rules/context.ts";
import type { FormVersion } from "../lib/schema/index.ts";

const LABEL = { FATAL: "Fatal feil", ERROR: "Feil", WARNING: "Advarsel", INFO: "Informasjon" } as const;

function collect(form: HTMLFormElement) {
  const field: Record<string, unknown> = {};
  const table: Record<string, Record<string, Record<string, number>>> = {};
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name || el.tagName === "OUTPUT") continue;
    if (el.type === "radio" && !el.checked) continue;
    const raw = el.value.trim();
    if (raw === "") continue;
    const [kind, ...path] = el.name.split(".");
    if (kind === "field") {
      field[path[0]] = el.type === "radio" ? raw === "true" : el.type === "number" ? Number(raw) : raw;
    } else if (kind === "table" && Number.isFinite(Number(raw))) {
      const [t, r, c] = path;
      ((table[t] ??= {})[r] ??= {})[c] = Number(raw);
    }
  }
  return { field, table };
}

export function startLiveControls(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-live-form]");
  const definition = document.getElementById("form-definition");
  if (!form || !definition) return;
  const { version, year } = JSON.parse(definition.textContent ?? "{}") as { version: FormVersion; year: number };
  const summary = form.querySelector<HTMLElement>("[data-control-summary]")!;
  let touched = false;

  const run = () => {
    const context = questionnaireContext(version, year, collect(form));
    const tables = context.table as Record<string, Record<string, Record<string, number>>>;
    for (const out of form.querySelectorAll<HTMLOutputElement>("output[data-sum]")) {
      const [, t, r, c] = out.name.split(".");
      out.value = String(tables[t]?.[r]?.[c] ?? 0).replace(".", ",");
    }
    if (!touched) return;
    for (const slot of form.querySelectorAll<HTMLElement>("[data-messages-for]")) slot.replaceChildren();
    const counts = { FATAL: 0, ERROR: 0, WARNING: 0, INFO: 0 };
    for (const control of version.controls ?? []) {
      const result = evaluateControl(control, context);
      if (result.outcome !== "fail") continue;
      counts[control.severity]++;
      const slot = form.querySelector<HTMLElement>(`[data-messages-for="${control.appliesTo?.[0] ?? ""}"]`) ?? summary;
      const p = document.createElement("p");
      p.className = `control-message severity-${control.severity}`;
      p.dataset.control = control.id;
      p.textContent = `${LABEL[control.severity]}: ${control.message}`;
      slot.append(p);
    }
    const blocking = counts.FATAL + counts.ERROR;
    summary.textContent =
      blocking + counts.WARNING === 0
        ? "Ingen kontroller slår ut."
        : `${blocking} feil som hindrer innsending, ${counts.WARNING} ${counts.WARNING === 1 ? "advarsel" : "advarsler"}.`;
  };
  const onInput = () => {
    touched = true;
    run();
  };
  form.addEventListener("input", onInput);
  form.addEventListener("change", onInput);
  run();
}
