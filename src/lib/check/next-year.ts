import { z } from "zod";
import { Problem, type CheckReport } from "./report.ts";

/**
 * One change to a form from the year before, as a check of a file needs it: what it is about (the
 * record field, code or control), what it says in Norwegian and where the site shows it. Made from
 * the registry's change set (`planChanges`, `plan-from-registry.ts`), carried in the plan as JSON.
 */
export const PlanChange = z
  .strictObject({
    id: z.string().describe("The change's id in the change set."),
    type: z.string().describe("The change's type (`field-removed`, `field-code-removed`, `control-added-warning` …)."),
    element: z.string().optional().describe("The record field (`<record>.<field>`), control or rule changed."),
    elementKind: z.string().optional().describe("What kind of element it is (`record-field`, `control`, `schema-rule` …)."),
    code: z.string().optional().describe("The code, for a change of one code of a field's list."),
    aspect: z.string().optional().describe("The aspect changed (`position`, `length`, `mandatory` …)."),
    text: z.string().describe("What changed, in Norwegian: «Felt fjernet: 55f.AVTALE_FLY_1»."),
    href: z.string().describe("The change on the form's change page: `/skjema/<id>/endringer/<from>-<to>/#endring-…`."),
  })
  .describe("A change to the form from the year before, with where the site shows it.");
export type PlanChange = z.infer<typeof PlanChange>;

/** A problem the file has against next year's rules that it does not have against this year's. */
export const NewProblem = z
  .strictObject({
    problem: Problem,
    change: PlanChange.optional().describe("The change that explains it, where one does."),
    related: z.number().int().describe("How many changes of the year explain it in all (a record whose length changed: every field added, removed or moved)."),
  })
  .describe("A problem new in the later year, with the change that explains it.");
export type NewProblem = z.infer<typeof NewProblem>;

/** The comparison of one file's reports for two years in a row. */
export const NextYearComparison = z
  .strictObject({
    from: z.number().int().describe("The year the file was written for."),
    to: z.number().int().describe("The year after, whose rules it was also checked against."),
    verdictFrom: z.enum(["FEIL", "ADVARSEL", "OK"]),
    verdictTo: z.enum(["FEIL", "ADVARSEL", "OK"]),
    newProblems: z.array(NewProblem).describe("Problems in the later year's report that the earlier one lacks, in file order."),
    explained: z.number().int().describe("Of these, how many a change explains."),
    incomplete: z.boolean().describe("`true` when either report lists fewer problems than it found (--max-problems): the comparison covers the listed ones only."),
  })
  .describe("What is new when a file is checked against next year's rules.");
export type NextYearComparison = z.infer<typeof NextYearComparison>;

/** A problem's place and kind, without its wording: the same fault in both years has the same key. */
const keyOf = (p: Problem) => [p.control, p.line ?? "", p.path ?? "", p.field ?? "", p.found ?? ""].join("\u0000");

const LAYOUT_TYPES = new Set(["field-added", "field-added-mandatory", "field-removed"]);
const LAYOUT_ASPECTS = new Set(["position", "length"]);

/** The fields added, removed and moved, as one change: the record's layout, on the change page. */
function layoutChange(layout: PlanChange[]): PlanChange {
  const count = (test: (c: PlanChange) => boolean) => layout.filter(test).length;
  const removed = count((c) => c.type === "field-removed");
  const added = count((c) => c.type.startsWith("field-added"));
  const moved = count((c) => c.aspect !== undefined);
  const parts = [removed ? `${removed} felt fjernet` : "", added ? `${added} felt lagt til` : "", moved ? `${moved} felt flyttet eller med ny lengde` : ""].filter(Boolean);
  return { id: "postens-oppbygging", type: "record-layout", text: `Postens oppbygging er endret: ${parts.join(", ")}`, href: layout[0].href.replace(/#.*$/, "") };
}

/** The changes that explain a problem, best first. */
function explaining(problem: Problem, changes: readonly PlanChange[]): PlanChange[] {
  // A control of the form: the control's own change (added, stricter, condition changed).
  const own = changes.filter((c) => (c.elementKind === "control" || c.elementKind === "schema-rule") && (c.element === problem.control || c.element?.endsWith(`.${problem.control}`)));
  if (own.length) return own;
  // A record whose length changed: every field added, removed, moved or resized, said in one line.
  if (problem.control === "001" || (problem.control === "fil" && problem.expected?.startsWith("linjer på"))) {
    const layout = changes.filter((c) => c.elementKind === "record-field" && (LAYOUT_TYPES.has(c.type) || (c.aspect !== undefined && LAYOUT_ASPECTS.has(c.aspect))));
    return layout.length ? [layoutChange(layout), ...layout] : [];
  }
  if (problem.field === undefined) return [];
  const fields = problem.field.split(", ");
  const anyRecord = changes.filter((c) => c.elementKind === "record-field" && c.element !== undefined && fields.some((f) => c.element === f || c.element!.endsWith(`.${f}`)));
  // XML: the field of the record the path ends in (`…/Kategori[1]` → `kategori.Kode`), where the changes say.
  const record = problem.path?.split("/").pop()?.replace(/\[\d+\]$/, "").toLowerCase();
  const ofRecord = record ? anyRecord.filter((c) => c.element!.toLowerCase().startsWith(`${record}.`)) : [];
  const ofField = ofRecord.length ? ofRecord : anyRecord;
  // A code: the change of that very code (removed from the list); else any change of the field, texts last.
  const found = problem.found?.replace(/^'|'$/g, "").trim();
  const ofCode = found !== undefined ? ofField.filter((c) => c.code !== undefined && c.code.trim() === found) : [];
  const rank = (c: PlanChange) => (c.type === "field-text-changed" || c.type === "field-code-relabelled" ? 1 : 0);
  if (ofCode.length) return ofCode;
  return [...ofField].sort((a, b) => rank(a) - rank(b));
}

/**
 * Compares one file's report against this year's rules (`before`) with its report against next
 * year's (`after`): the problems only the later report has, each with the change between the two
 * years that explains it (`changes`: the later plan's `changes`, from the year before). Pure: runs
 * in the CLI and in the browser's worker alike.
 */
export function compareReports(before: CheckReport, after: CheckReport, changes: readonly PlanChange[] = []): NextYearComparison {
  const seen = new Map<string, number>();
  for (const p of before.problems) seen.set(keyOf(p), (seen.get(keyOf(p)) ?? 0) + 1);
  const newProblems: NewProblem[] = [];
  for (const problem of after.problems) {
    const key = keyOf(problem);
    const left = seen.get(key) ?? 0;
    if (left > 0) {
      seen.set(key, left - 1);
      continue;
    }
    const found = explaining(problem, changes);
    newProblems.push({ problem, ...(found.length ? { change: found[0] } : {}), related: found.length });
  }
  return {
    from: before.year,
    to: after.year,
    verdictFrom: before.verdict,
    verdictTo: after.verdict,
    newProblems,
    explained: newProblems.filter((n) => n.change).length,
    incomplete: before.truncated || after.truncated,
  };
}
