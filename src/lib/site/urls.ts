/**
 * The last part of the guide's address below `/endringsforslag/`: no proposal may have it as its id,
 * or the proposal's page and the guide would claim the same address (validation says so).
 */
export const PROPOSAL_GUIDE_SLUG = "slik-foreslar-du";

/** The anchor of a change's row on a change page (`endring-form-55f-field-removed-55f.AVTALE_FLY_1`): its id, with only letters, digits, `.`, `_` and `-`. */
export const changeAnchor = (changeId: string) => `endring-${changeId.replace(/[^\p{L}\p{N}._-]+/gu, "-")}`;

/** Page addresses; the URL contract lives here and nowhere else. */
export const urls = {
  home: () => "/",
  codelists: () => "/kodelister/",
  codelist: (id: string) => `/kodelister/${id}/`,
  codelistVersion: (id: string, year: number) => `/kodelister/${id}/${year}/`,
  /** Page n (from 2) of a long codelist version's codes. */
  codelistPage: (id: string, year: number, page: number) => (page <= 1 ? `/kodelister/${id}/${year}/` : `/kodelister/${id}/${year}/side/${page}/`),
  workingGroup: (id: string) => `/arbeidsgrupper/${id}/`,
  workingGroups: () => "/arbeidsgrupper/",
  annualReport: (id: string, year: number) => `/arbeidsgrupper/${id}/rapport/${year}/`,
  meetings: () => "/moter/",
  /** The meetings held in a calendar year. */
  meetingsOfYear: (year: number) => `/moter/aar/${year}/`,
  meeting: (id: string) => `/moter/${id}/`,
  calendar: (year: number) => `/kalender/${year}/`,
  calendarIcs: (year: number) => `/kalender/${year}.ics`,
  calendars: () => "/kalender/",
  changes: (from: number, to: number) => `/endringer/${from}-${to}/`,
  changesIndex: () => "/endringer/",
  /** One working group's changes between two neighbouring years. */
  changesOfGroup: (from: number, to: number, group: string) => `/endringer/${from}-${to}/${group}/`,
  year: (year: number) => `/aar/${year}/`,
  proposal: (id: string) => `/endringsforslag/${id}/`,
  forms: () => "/skjema/",
  form: (id: string) => `/skjema/${id}/`,
  formVersion: (id: string, year: number) => `/skjema/${id}/${year}/`,
  /** Every change of one form between two neighbouring years, each aspect old → new. */
  formChanges: (id: string, from: number, to: number) => `/skjema/${id}/endringer/${from}-${to}/`,
  /** What the browser's file check of a form and year reads: the plan, as static JSON (`views/file-check.ts`). */
  formCheckPlan: (id: string, year: number) => `/skjema/${id}/${year}/sjekkplan.json`,
  /** One change on a form's change page: its row's anchor. */
  formChange: (id: string, from: number, to: number, changeId: string) => `/skjema/${id}/endringer/${from}-${to}/#${changeAnchor(changeId)}`,
  proposals: () => "/endringsforslag/",
  /** How a working-group member proposes a change: a page of its own among the proposals. */
  proposalGuide: () => `/endringsforslag/${PROPOSAL_GUIDE_SLUG}/`,
  /** The proposals that apply from a reporting year. */
  proposalsOfYear: (year: number) => `/endringsforslag/aar/${year}/`,
  indicators: () => "/indikatorer/",
  indicator: (id: string) => `/indikatorer/${id}/`,
  tables: () => "/tabeller/",
  table: (n: string) => `/tabeller/${n}/`,
  reportTemplates: () => "/tilstandsrapport/",
  reportTemplate: (id: string) => `/tilstandsrapport/${id}/`,
  reportTheme: (id: string, theme: string) => `/tilstandsrapport/${id}/${theme}/`,
  statbank: (n: string) => `https://www.ssb.no/statbank/table/${n}/`,
  /** The page of a changed item, at a year where one is given. */
  item: (kind: "codelist" | "form" | "indicator", id: string, year?: number): string =>
    kind === "form" ? (year !== undefined ? `/skjema/${id}/${year}/` : `/skjema/${id}/`) : kind === "indicator" ? `/indikatorer/${id}/` : year !== undefined ? `/kodelister/${id}/${year}/` : `/kodelister/${id}/`,
  /** The register of source documents, and one source's page. */
  sources: () => "/kilder/",
  source: (id: string) => `/kilder/${id}/`,
  api: () => "/api/",
  search: () => "/sok/",
  apiCodelist: (id: string, year: number, ext: string) => `/api/v1/codelists/${id}/${year}.${ext}`,
  apiChanges: (from: number, to: number) => `/api/v1/changes/${from}-${to}.json`,
  apiChangeSetSchema: () => "/api/v1/schemas/change-set.json",
};

/**
 * The name a download is saved under (`<a download="…">`): the item and the year, not the bare
 * year of the address. `/api/v1/codelists/tiltakskategori/2026.xlsx` → `tiltakskategori-2026.xlsx`,
 * `/api/v1/forms/15f/changelog-2023-2024.md` → `15f-changelog-2023-2024.md`, `/kalender/2023.ics` →
 * `kalender-2023.ics`.
 */
export function downloadName(path: string): string {
  const parts = path.split("/").filter(Boolean);
  const file = parts.at(-1) ?? "";
  const folder = parts.at(-2);
  return folder ? `${folder}-${file}` : file;
}
