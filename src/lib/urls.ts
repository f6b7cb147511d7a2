/** Page addresses; the URL contract lives here and nowhere else. */
export const urls = {
  home: () => "/",
  codelists: () => "/kodelister/",
  codelist: (id: string) => `/kodelister/${id}/`,
  codelistVersion: (id: string, year: number) => `/kodelister/${id}/${year}/`,
  workingGroup: (id: string) => `/arbeidsgrupper/${id}/`,
  changes: (from: number, to: number) => `/endringer/${from}-${to}/`,
  changesIndex: () => "/endringer/",
  year: (year: number) => `/aar/${year}/`,
  proposal: (id: string) => `/endringsforslag/${id}/`,
  forms: () => "/skjema/",
  form: (id: string) => `/skjema/${id}/`,
  formVersion: (id: string, year: number) => `/skjema/${id}/${year}/`,
  proposals: () => "/endringsforslag/",
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
  apiChanges: (from: number, to: number) => `/api/v1/changes/${from}-${to}.json`,
  apiChangeSetSchema: () => "/api/v1/schemas/change-set.json",
};
