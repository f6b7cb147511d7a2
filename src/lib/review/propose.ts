import type { Change } from "../diff/change.ts";
import { CHANGE_TYPE_NB } from "../diff/labels.ts";
import type { Review } from "./schema.ts";
import { countNb } from "../text/count-nb.ts";

/**
 * A change proposal drafted from what a branch changes: `changes/<id>.mdx` with every change the
 * branch makes to the year already declared (by item, naming the codes, fields and controls), status
 * `fremmet`, and the three justification headings of the working groups' mandate (burden, relevance,
 * comparability over time, as the groups' reports give them) left for the group to fill in.
 */

export interface DraftInput {
  id: string;
  group: string;
  year: number;
  title: string;
  /** YYYY-MM-DD: the date the proposal is put forward. */
  date: string;
}

/** What the working group must write in place of each placeholder. */
export const TO_FILL = "Fylles ut av arbeidsgruppen.";

type Declared = { codelist?: string; codes?: string[]; form?: string; fields?: string[]; controls?: string[]; indicator?: string; description: string };

/** The changes of `year` the proposal declares: the group's own items. */
export function changesToDeclare(review: Review, group: string, year: number): Change[] {
  return (review.years.find((y) => y.year === year)?.changes ?? []).filter((c) => c.workingGroup === group);
}

const unique = (xs: string[]) => [...new Set(xs)];

/** One declared item per changed item: a codelist and its codes, a form and its fields and controls, an indicator. */
export function declaredFrom(changes: Change[]): Declared[] {
  const byItem = new Map<string, Change[]>();
  for (const c of changes) byItem.set(`${c.itemKind}:${c.item}`, [...(byItem.get(`${c.itemKind}:${c.item}`) ?? []), c]);
  return [...byItem.values()].map((cs) => {
    const c = cs[0];
    // In the words the site uses for each type: the description is shown on the proposal's page.
    const description = `${c.itemName}: ${unique(cs.map((x) => CHANGE_TYPE_NB[x.type].toLowerCase())).join(", ")} (${countNb(cs.length, "endring")}).`;
    if (c.itemKind === "codelist") {
      const codes = unique(cs.flatMap((x) => [x.code, ...(x.from ?? []), ...(x.to ?? [])].filter((k): k is string => k !== undefined)));
      return { codelist: c.item, ...(codes.length && !cs.some((x) => x.type === "codelist-added" || x.type === "codelist-discontinued") && { codes }), description };
    }
    if (c.itemKind === "form") {
      const controls = unique(cs.filter((x) => x.elementKind === "control").map((x) => x.element!));
      const fields = unique(cs.filter((x) => x.element !== undefined && x.elementKind !== "control").map((x) => x.element!));
      const whole = cs.some((x) => x.element === undefined);
      return { form: c.item, ...(!whole && fields.length && { fields }), ...(!whole && controls.length && { controls }), description };
    }
    return { indicator: c.item, description };
  });
}

const q = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar
const list = (xs: string[]) => `[${xs.map(q).join(", ")}]`;

export function draftProposal(input: DraftInput, declared: Declared[]): string {
  const lines = [
    "---",
    `id: ${input.id}`,
    `title: ${q(input.title)}`,
    `workingGroup: ${input.group}`,
    `targetYear: ${input.year}`,
    "history:",
    "  - status: fremmet",
    `    date: ${q(input.date)}`,
    `    note: ${q("Fremmet som utkast med endringene i registeret. Arbeidsgruppen behandler forslaget.")}`,
    "justification:",
    `  burden: ${q(TO_FILL)}`,
    `  relevance: ${q(TO_FILL)}`,
    `  comparability: ${q(TO_FILL)}`,
    "changes:",
  ];
  for (const d of declared) {
    const [key, id] = d.codelist !== undefined ? ["codelist", d.codelist] : d.form !== undefined ? ["form", d.form] : ["indicator", d.indicator!];
    lines.push(`  - ${key}: ${id}`);
    if (d.codes) lines.push(`    codes: ${list(d.codes)}`);
    if (d.fields) lines.push(`    fields: ${list(d.fields)}`);
    if (d.controls) lines.push(`    controls: ${list(d.controls)}`);
    lines.push(`    description: ${q(d.description)}`);
  }
  lines.push(`source: ${q("Utkast til endringsforslag, laget fra endringene i registeret")}`, "---", "");
  lines.push(
    "## Oppgavebyrde",
    "",
    `${TO_FILL} Hva endringen betyr for arbeidet kommunene gjør med å rapportere.`,
    "",
    "## Relevans",
    "",
    `${TO_FILL} Hvorfor tallene trengs, og hvem som bruker dem.`,
    "",
    "## Sammenliknbarhet over tid",
    "",
    `${TO_FILL} Om tallene kan sammenliknes med tidligere år, og hva som eventuelt gir brudd.`,
    "",
  );
  return lines.join("\n");
}
