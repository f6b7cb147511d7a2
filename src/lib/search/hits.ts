// No Node imports: the search page runs this in the browser.
import { queryVariants } from "./synonyms.ts";

/** A pagefind sub-result: for codes, one code (a heading with the id of its row). */
export interface SubResult {
  url: string;
  title: string;
  excerpt: string;
  weighted_locations: { weight: number; balanced_score: number }[];
}

/** The weight from which a match is in a code's label (its heading weighs 10, a part of a word 5). */
const HEADING = 5;

/** A pagefind result's data, with the meta our pages and records carry. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; type?: string; sections?: string; years?: string; grouping?: string; replacedBy?: string };
  sub_results: SubResult[];
}

/** One line in the result list. */
export interface Hit {
  url: string;
  title: string;
  type: string;
  excerpt: string;
  /** For codes: the years the code applies («2018–2022», «2023–»), shown before the snippet. */
  years?: string;
  score: number;
  /**
   * Shown with this hit, not as hits of their own: a municipal table's city-district twin («For
   * bydeler»), a code's label in other years («Gjelder 2018–2022»).
   */
  also?: { label: string; url: string; title: string }[];
}

/**
 * How much a result of each type counts beside its text score. pagefind favours short texts, and a
 * control or a field is a line or two, so it outranked the indicator or table a person looks for;
 * pages that describe a thing whole (indicators, tables, codelists, the calendar) weigh more.
 */
const TYPE_WEIGHT: Record<string, number> = {
  // What the sources define a term to mean, and the report's themes, answer a word before the
  // Statbank tables that count it.
  Definisjon: 0.3,
  "Tema i tilstandsrapporten": 0.25,
  Indikator: 1.6,
  Tabell: 1.6,
  Kalender: 1.6,
  Tilstandsrapport: 1.6,
  Kodeliste: 1.6,
  Arbeidsgruppe: 1.4,
  Møte: 1.1,
  Endringsforslag: 1.2,
  Skjema: 1.2,
};
/** The pages whose title names the thing they describe whole, which `titleWeight` weighs. */
const WHOLE = new Set(["Indikator", "Tabell", "Kalender", "Tilstandsrapport", "Kodeliste", "Tema i tilstandsrapporten"]);
// Controls weigh least: 15F has seventy, each titled by what it checks («Tiltak Kontroll 4 …»), so a
// topic word matched every one of them, and people look for a control by its id or its message.
const typeWeight = (type: string) => TYPE_WEIGHT[type] ?? (type.startsWith("Kontroll i") ? 0.2 : type.startsWith("Felt i") ? 0.6 : 1);

/**
 * Statbank tables come in pairs, for municipalities «(K)» and for city districts «(B)», titled
 * alike: the district table ranks just below its municipal twin, which most people look for.
 */
const levelWeight = (type: string, title: string) => (type === "Tabell" && title.endsWith("(B)") ? 0.85 : 1);

/**
 * What a table is about, the same for both twins: its title without number, level and «bydel»
 * («Tabell 12859: Undersøkingar avslutta av barnevernet, bydel, etter handsamingstid (B)» and
 * «Tabell 12860: Undersøkingar avslutta av barnevernet , etter handsamingstid (K)»).
 */
export const twinKey = (title: string) =>
  title
    .toLowerCase()
    .replace(/^tabell \d+:\s*/, "")
    .replace(/\((?:b|k)\)$/, "")
    .replace(/(?<![\p{L}\p{N}])bydel(?![\p{L}\p{N}])/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The words of a text, lowercased, as the title bonus compares them. */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu) ?? [];

/** One word in another form: the same word, or with an ending of at most two letters («melding», «meldinger»). */
const sameWord = (a: string, b: string): boolean => (a.length <= b.length ? b.startsWith(a) && b.length - a.length <= 2 && a.length >= 3 : sameWord(b, a)) || a === b;

/** How much a title that has every word of the query counts, and a title that has them in a row. */
export const TITLE_WEIGHT = 1.6;
export const PHRASE_WEIGHT = 1.25;
/** How much more a title counts that is the query itself. */
export const EXACT_WEIGHT = 1.5;
/** How much a code counts beside pages: a code is the registry's own answer to a word it names. */
export const CODE_WEIGHT = 1.25;

/**
 * How much a title says what was asked. pagefind scores the text, and favours short pages: a table
 * page is a title and a few lines, so a Statbank table outranked the indicator the public asks for,
 * whose page explains it at length. A title with every word of the query as written (not a synonym:
 * «undersøkelser» in an indicator's title counts, «Undersøkingar» in a table's does not) weighs
 * `TITLE_WEIGHT`, and with them in a row («Barn med tiltak i løpet av året») `PHRASE_WEIGHT` more.
 * A word one or two after «ikke» is its opposite: «som ikke er plassert» does not answer «plassert».
 * Only pages that describe a thing whole (`WHOLE`) have it: a field or a control is all title.
 */
export function titleWeight(title: string, q: string): number {
  const query = wordsOf(q);
  const words = wordsOf(title);
  // A title that is the query and nothing more («4.5 Hjelpetiltak» for «hjelpetiltak»).
  const exact = words.filter((w) => !/^[\d.,]+$/.test(w));
  if (query.length && exact.length === query.length && exact.every((w, i) => sameWord(w, query[i]))) return TITLE_WEIGHT * EXACT_WEIGHT;
  if (!query.length) return 1;
  // Unless the query asks for the opposite itself («ikke plassert»).
  const negated = (i: number) => !query.includes("ikke") && words.slice(Math.max(0, i - 2), i).includes("ikke");
  const at = (w: string) => words.flatMap((t, i) => (sameWord(t, w) && !negated(i) ? [i] : []));
  const places = query.map(at);
  if (places.some((p) => !p.length)) return 1;
  const phrase = query.length > 1 && places[0].some((i) => query.every((_, k) => places[k].includes(i + k)));
  return TITLE_WEIGHT * (phrase ? PHRASE_WEIGHT : 1);
}

/**
 * How much a grouping code counts (a heading of a hierarchy such as «1 Årsaker til flytting fra
 * fosterhjem», not a value a file may hold): below the codes people report.
 */
export const GROUPING_WEIGHT = 0.5;
/** How much a code counts that matches only in its notes, not its label: found, but after those that do. */
export const NOTES_WEIGHT = 0.2;

const marks = (excerpt: string) => [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1].toLowerCase());

/**
 * Whether a word pagefind marked is a word of the query, in some form: containing it («barnevern» in
 * «barnevernsdata», «hjelpetiltak» in «omsorgs-/hjelpetiltak»), or a form of it with a different
 * ending («melding» for «meldinger»). pagefind, finding no word, shortens the query until one
 * matches, down to a letter: «kvalifiseringsstønad» marked the «(K)» of every municipal table.
 */
export function isQueryWord(marked: string, q: string): boolean {
  const m = marked.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  if (!m) return false;
  const words = queryVariants(q).flatMap((v) => wordsOf(v));
  return words.some((w) => {
    if (m === w || (w.length >= 2 && m.includes(w))) return true;
    if (w.startsWith(m)) return m.length >= Math.max(3, w.length - 3);
    let common = 0;
    while (common < Math.min(m.length, w.length) && m[common] === w[common]) common++;
    // Two forms of one word differ in an ending only: «bygger» shares «bygge» with «byggesak»,
    // but «sak» is a word of its own, not an ending.
    return common >= Math.max(4, w.length - 3) && INFLECTION.test(w.slice(common)) && INFLECTION.test(m.slice(common));
  });
}

/** What may follow a shared stem in two forms of one Norwegian word (melding, meldinger, meldingen, meldinga). */
const INFLECTION = /^(?:|[aenrst]|[ae][nrt]|[nrt]e|ene|ane|ere|ert|ende)$/;

/** Whether a hit answers the query: its snippet marks a word of the query, or its title has one. */
export function answers(hit: { title: string; excerpt: string }, q: string): boolean {
  const marked = marks(hit.excerpt);
  if (!q.trim()) return true;
  return marked.some((m) => isQueryWord(m, q)) || wordsOf(hit.title).some((w) => isQueryWord(w, q));
}

/**
 * How much a definition counts that defines the word asked («Hjelpetiltak er …», «… betyr …»): above
 * the tables that count it, whose titles name the word too (at 10, «hjelpetiltak» put tables 12276 and
 * 13973 first and the definition third).
 */
export const DEFINES_WEIGHT = 40;

/** `DEFINES_WEIGHT` where a text says what the query's word is («Hjelpetiltak er som hovedregel …»), else 1. */
export function definesWeight(text: string, q: string): number {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const query = wordsOf(q);
  if (query.length !== 1) return 1;
  return words.some((w, i) => sameWord(w, query[0]) && /^(er|betyr|omfatter|defineres)$/.test(words[i + 1] ?? "")) ? DEFINES_WEIGHT : 1;
}

/** The words of a code's label after the code itself («2.3 Spesialiserte fosterhjem» → 2). */
const labelWords = (title: string) => Math.max(1, title.split(/\s+/).length - 1);

/** How much a discontinued table counts beside the table that replaces it: just below it. */
export const REPLACED_WEIGHT = 0.99;

/** The codelist a code record belongs to, from its address («/kodelister/tiltak-kategori/2026/?koder=3»). */
const listOf = (url: string) => url.match(/^\/kodelister\/[^/]+\//)?.[0] ?? url;

export function hitsOf(results: { data: ResultData; score: number }[], q: string): Hit[] {
  const words = q.trim().split(/\s+/).filter(Boolean).length;
  const all: Hit[] = [];
  // A code is scored by its best match, not their sum: a label naming the word twice is no better.
  const subScore = (s: SubResult) => Math.max(0, ...s.weighted_locations.map((l) => l.balanced_score));
  // A code's record holds many codes, so it matches a query of several words when its codes share
  // them out; a code is a hit only where its snippet marks as many different words as the query
  // has («barneverntjenesten» twice is one word), and where its label matches: a code that matches
  // only in its notes is found on its list's page.
  const marked = (s: SubResult) => new Set(marks(s.excerpt)).size;
  const inLabel = (s: SubResult) => s.weighted_locations.some((l) => l.weight >= HEADING);
  const codesOf = (r: ResultData) => r.sub_results.filter((s) => s.url.includes("#") && marked(s) >= Math.max(1, words));
  const coded = results.filter((r) => r.data.meta.sections);
  const codeScale = Math.max(0, ...coded.map((r) => r.score));
  // How much a list is about the query is the best score of any of its records. A list's codes are
  // split into records by the years they apply and the page they sit on, which is how the index is
  // built, not what the list is about: «2.3 Spesialiserte fosterhjem», new in 2024, is a record of
  // its own (four words, one «fosterhjem») and scored little more than half of the record of 2.1,
  // 2.2 and 2.4 of the same list, so it came seventh for «fosterhjem», behind codes of another list
  // («Flytting til») whose labels match no better. Scored by its list, it ranks by its own label.
  const listScore = new Map<string, number>();
  for (const r of coded) listScore.set(listOf(r.data.url), Math.max(listScore.get(listOf(r.data.url)) ?? 0, r.score));
  // The best match of any code, filtered or not: a code that matches only in its notes stays low.
  const bestMatch = Math.max(1e-9, ...coded.flatMap((r) => r.data.sub_results.map(subScore)));
  const codedLabels = coded.some((r) => codesOf(r.data).some(inLabel));
  for (const { data: r, score } of results) {
    const type = r.meta.type ?? "";
    if (r.meta.sections) {
      const current = (r.meta.years?.endsWith("–") ? 1 : 0.8) * (r.meta.grouping ? GROUPING_WEIGHT : 1);
      // Between the shared scale and the score of the code's list: a list the query is barely about
      // («arbeidsgruppe barnevern» in one long label of tiltak) does not lend its codes the top.
      const scale = Math.sqrt(codeScale * listScore.get(listOf(r.url))!);
      const codes = codesOf(r);
      // A code that matches in its notes only is a hit where no code's label matches at all: then
      // the one code that mentions the word («kvalifiseringsstønad» in a KOSTRA-art note) is found.
      const labelled = codes.filter(inLabel);
      for (const s of labelled.length || codedLabels ? labelled : codes) {
        const own = (scale * subScore(s)) / bestMatch / Math.sqrt(labelWords(s.title)) * (inLabel(s) ? 1 : NOTES_WEIGHT);
        all.push({ url: s.url.replace(/\?koder=\d+/, ""), title: s.title, type, excerpt: s.excerpt, years: r.meta.years, score: own * current * CODE_WEIGHT });
      }
    } else {
      const title = r.meta.title ?? r.url;
      // A definition counts where its text has every word of the query, as a page's title does.
      // A theme of the report is the answer where it is named exactly («4.5 Hjelpetiltak»).
      const fit = type === "Tema i tilstandsrapporten" && titleWeight(title, q) === TITLE_WEIGHT * EXACT_WEIGHT ? TITLE_WEIGHT * EXACT_WEIGHT * 4 : WHOLE.has(type) ? titleWeight(title, q) : type === "Definisjon" ? definesWeight(r.excerpt.replace(/<[^>]+>/g, ""), q) : 1;
      all.push({ url: r.url, title, type, excerpt: r.excerpt, score: score * typeWeight(type) * levelWeight(type, title) * fit });
    }
  }
  // A hit must match a word of the query, not a fragment pagefind shortened it to.
  const real = all.filter((h) => answers(h, q));
  // A discontinued Statbank table ranks just below the table that replaces it (as its source says:
  // 13939 replaces 12238), which ranks at least where the discontinued one would. The successor is
  // the table still published, but its title may name the query less well: SSB titled 12238 «Barn
  // med tiltak …» and its successor «Barn og unge med tiltak …, etter alder …», which put 13939
  // eighth for «barn med tiltak», five places below the table it replaces.
  const found = new Map(real.map((h) => [h.url, h]));
  for (const { data: r } of results) {
    const old = found.get(r.url);
    for (const next of r.meta.replacedBy?.split(" ") ?? []) {
      const successor = found.get(next);
      if (!old || !successor) continue;
      successor.score = Math.max(successor.score, old.score);
      old.score = Math.min(old.score, successor.score * REPLACED_WEIGHT);
    }
  }
  real.sort((a, b) => b.score - a.score);
  const named = (h: Hit) => h.type.startsWith("Kode i") && (h.title === q || h.title.startsWith(`${q} `));
  const hits: Hit[] = [];
  const seen = new Set<string>();
  // Where a hit has a twin ranked above it, it is shown with the twin, not as a hit of its own:
  // twelve pairs of Statbank tables titled alike for municipalities «(K)» and city districts «(B)»,
  // and codes whose label changed («1 Tiltaksplan etter § 4-5» until 2022, «… BVL2021 § 8-1 …» from
  // 2023), took two places each and pushed the rest down. A query that names a code lists each of
  // its labels as a hit («2.3» was «Statlige familiehjem» until 2022).
  const twins = new Map<string, Hit>();
  const twinOf = (h: Hit) =>
    h.type === "Tabell" && /\((?:B|K)\)$/.test(h.title) ? `Tabell|${twinKey(h.title)}` : h.type.startsWith("Kode i") && !named(h) ? `${h.type}|${h.url.replace(/\/\d{4}\/(side\/\d+\/)?#/, "/#")}` : undefined;
  for (const h of real) {
    const key = `${h.type}|${h.title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const twinKeyOf = twinOf(h);
    const twin = twinKeyOf ? twins.get(twinKeyOf) : undefined;
    if (!twin) {
      if (twinKeyOf && !h.title.endsWith("(B)")) twins.set(twinKeyOf, h);
      hits.push(h);
    } else if (h.years) {
      // A code: the label in force now is the hit, the other years' labels are shown with it.
      const [now, then] = !twin.years?.endsWith("–") && h.years.endsWith("–") ? [h, { ...twin }] : [twin, h];
      Object.assign(twin, { url: now.url, title: now.title, excerpt: now.excerpt, years: now.years });
      twin.also = [...(twin.also ?? []), { label: `Gjelder ${then.years}`, url: then.url, title: then.title }];
    } else twin.also = [...(twin.also ?? []), { label: "For bydeler", url: h.url, title: h.title }];
  }
  return [...hits.filter(named), ...hits.filter((h) => !named(h))];
}
