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
  /** The page of a changed item, at a year where one is given. */
  item: (kind: "codelist" | "form" | "indicator", id: string, year?: number): string =>
    kind === "form" ? (year !== undefined ? `/skjema/${id}/${year}/` : `/skjema/${id}/`) : year !== undefined ? `/kodelister/${id}/${year}/` : `/kodelister/${id}/`,
  apiChanges: (from: number, to: number) => `/api/v1/changes/${from}-${to}.json`,
  apiChangeSetSchema: () => "/api/v1/schemas/change-set.json",
};
