/** Page addresses; the URL contract lives here and nowhere else. */
export const urls = {
  home: () => "/",
  codelists: () => "/kodelister/",
  codelist: (id: string) => `/kodelister/${id}/`,
  codelistVersion: (id: string, year: number) => `/kodelister/${id}/${year}/`,
  workingGroup: (id: string) => `/arbeidsgrupper/${id}/`,
};
