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
  proposals: () => "/endringsforslag/",
  apiChanges: (from: number, to: number) => `/api/v1/changes/${from}-${to}.json`,
  apiChangeSetSchema: () => "/api/v1/schemas/change-set.json",
};
