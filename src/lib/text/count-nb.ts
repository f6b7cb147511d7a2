/**
 * Norwegian nouns in the singular and the plural, for counts: «1 endring», «2 endringer». Every
 * count the site prints goes through `countNb`, so that no page writes «1 endringer» or «(1 datoer)».
 */
export const NOUNS_NB = {
  endring: ["endring", "endringer"],
  dato: ["dato", "datoer"],
  kontroll: ["kontroll", "kontroller"],
  kodeliste: ["kodeliste", "kodelister"],
  kode: ["kode", "koder"],
  møte: ["møte", "møter"],
  sak: ["sak", "saker"],
  indikator: ["indikator", "indikatorer"],
  tabell: ["tabell", "tabeller"],
  testtilfelle: ["testtilfelle", "testtilfeller"],
  arbeidsgruppe: ["arbeidsgruppe", "arbeidsgrupper"],
  forslag: ["forslag", "forslag"],
  skjema: ["skjema", "skjema"],
  "foreslått endring": ["foreslått endring", "foreslåtte endringer"],
  summeringstabell: ["summeringstabell", "summeringstabeller"],
  dublettkontroll: ["dublettkontroll", "dublettkontroller"],
} as const satisfies Record<string, readonly [string, string]>;

export type NounNb = keyof typeof NOUNS_NB;

/** The noun alone, agreeing with `n`: `nounNb(1, "endring")` is «endring», `nounNb(2, "endring")` «endringer». */
export function nounNb(n: number, noun: NounNb | readonly [string, string]): string {
  const [one, many] = typeof noun === "string" ? NOUNS_NB[noun] : noun;
  return n === 1 ? one : many;
}

/** A count with its noun agreeing: «1 endring», «0 endringer», «3 datoer». */
export function countNb(n: number, noun: NounNb | readonly [string, string]): string {
  return `${n} ${nounNb(n, noun)}`;
}
