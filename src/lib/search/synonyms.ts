// No Node imports: the search page runs this in the browser.

/**
 * Words that mean the same to the people who search the registry, each group searched as one.
 * The sources write bokmål, SSB's Statbank tables nynorsk («handsamingstid», «undersøkingar»,
 * «stillingar»), and users say «saksbehandlingstid» where the tables say «behandlingstid». A query
 * is searched as written and once per group member in place of its word (`queryVariants`); the
 * hits are merged, best score first. Keep the groups small and exact: a synonym that is not one
 * pulls unrelated pages up.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  // Barnevernloven gives an undersøkelse three months: the indicator of time taken says «innen tre
  // måneder», never «behandlingstid». A member may be a phrase; only single words are looked up.
  ["saksbehandlingstid", "behandlingstid", "handsamingstid", "innen tre måneder"],
  ["undersøkelse", "undersøkelser", "undersøking", "undersøkingar"],
  ["melding", "meldinger", "meldingar"],
  ["stilling", "stillinger", "stillingar", "årsverk"],
  // A deadline is on the calendar: «frist» finds it, not the meetings that set one.
  ["kalender", "årshjul", "frister", "frist"],
  // The registry is about child welfare: a «tiltak» there is a barneverntiltak, as the indicators say.
  ["tiltak", "barneverntiltak", "barnevernstiltak"],
  ["ettervern", "ettervernstiltak"],
];

/** How much a variant's score counts against the query as written: the words typed rank first. */
export const VARIANT_WEIGHT = 0.9;

/** The query as written first, then each word with synonyms swapped for each of them (at most `max`). */
export function queryVariants(q: string, max = 8): string[] {
  const words = q.trim().split(/\s+/).filter(Boolean);
  const variants = [words.join(" ")];
  words.forEach((word, i) => {
    const group = SYNONYMS.find((g) => g.includes(word.toLowerCase()));
    for (const other of group ?? []) {
      if (other === word.toLowerCase()) continue;
      variants.push([...words.slice(0, i), other, ...words.slice(i + 1)].join(" "));
    }
  });
  return [...new Set(variants)].slice(0, max);
}
