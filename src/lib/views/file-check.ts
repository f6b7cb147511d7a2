import { versionAt, type Registry } from "../model/registry.ts";
import { checkPlan } from "../check/plan-from-registry.ts";
import type { CheckPlan } from "../check/plan.ts";
import { urls } from "../site/urls.ts";

/** What the «Sjekk en fil» section of a form-year page needs: where the plans are, and next year. */
export interface FileCheckView {
  form: string;
  number: string;
  year: number;
  layout: CheckPlan["layout"];
  planUrl: string;
  /** The year after, when the registry has the form as a file extract then too. */
  next?: { year: number; planUrl: string };
}

/** Whether a form is a file extract in a year: it has records a file can be checked against. */
const isExtract = (registry: Registry, id: string, year: number) => Boolean(versionAt(registry.forms.get(id)!, year)?.data.records?.length);

/** The form-years that have a file description: one plan file each. */
export function fileCheckPaths(registry: Registry): { id: string; year: number }[] {
  return [...registry.forms.values()].flatMap((e) => registry.yearsOf(e).filter((year) => isExtract(registry, e.meta.id, year)).map((year) => ({ id: e.meta.id, year })));
}

/** The section's view, or undefined for a form-year without a file description (a questionnaire). */
export function fileCheckView(registry: Registry, id: string, year: number): FileCheckView | undefined {
  const entry = registry.forms.get(id);
  if (!entry || !isExtract(registry, id, year)) return undefined;
  const version = versionAt(entry, year)!;
  const layout = version.data.records!.some((r) => r.path !== undefined) ? "xml" : "fixed-width";
  const nextYear = year + 1;
  const next = registry.yearsOf(entry).includes(nextYear) && isExtract(registry, id, nextYear) ? { year: nextYear, planUrl: urls.formCheckPlan(id, nextYear) } : undefined;
  return { form: id, number: entry.meta.number, year, layout, planUrl: urls.formCheckPlan(id, year), ...(next ? { next } : {}) };
}

/** Keys of a form version the engine never reads: texts for people, citations, test vectors. */
const NOT_READ = new Set(["source", "tests", "note", "condition", "description", "help", "legalBasis", "appliesTo", "notExpressible"]);

function withoutTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTexts);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).filter(([k]) => !NOT_READ.has(k)).map(([k, v]) => [k, withoutTexts(v)]));
  return value;
}

/**
 * The plan the browser's worker checks a file against (`checkPlan`, with the form's changes from
 * the year before for «Sjekk også mot reglene for …»), as JSON: the form version without what the
 * engine does not read (descriptions, citations, test vectors), so the file stays small and holds
 * no content paths.
 */
export function fileCheckPlanJson(registry: Registry, id: string, year: number): string {
  const plan = checkPlan(registry, id, year, { changes: true });
  if ("problem" in plan) throw new Error(plan.problem);
  return JSON.stringify({ ...plan, version: withoutTexts(plan.version) });
}
