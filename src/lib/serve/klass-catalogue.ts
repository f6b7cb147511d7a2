import type { KlassCatalogue, KlassCatalogueEntry } from "../export/klass-catalogue.ts";
import { BadRequest, NotFound } from "./klass-filters.ts";

/**
 * KLASS's search and classification families, answered from the catalogue the build wrote
 * (src/lib/export/klass-catalogue.ts):
 *
 *   classifications/search?query=[&includeCodelists=][&ssbSection=][&size=][&page=]
 *   classificationfamilies[?includeCodelists=][&ssbSection=]
 *   classificationfamilies/{id}[?includeCodelists=][&ssbSection=]
 *
 * As in KLASS, lists of the type «Kodeliste» count only with `includeCodelists=true`; every list of
 * the registry is one, so a client that leaves it out finds families with no classifications and a
 * search with no results (docs/api.md names the client functions this concerns).
 */

type Params = URLSearchParams;

/** A boolean parameter as Spring reads one (true/false, on/off, yes/no, 1/0; any case); 400 otherwise. */
function flag(params: Params, name: string): boolean {
  const value = params.get(name);
  if (value === null || value === "") return false;
  const v = value.toLowerCase();
  if (["true", "on", "yes", "1"].includes(v)) return true;
  if (["false", "off", "no", "0"].includes(v)) return false;
  throw new BadRequest(`Failed to convert value of type 'java.lang.String' to required type 'boolean'; ${name} must be true or false, not '${value}'`);
}

/** A non-negative whole-number parameter (`size`, `page`), with its default. */
function whole(params: Params, name: string, fallback: number): number {
  const value = params.get(name);
  if (value === null || value === "") return fallback;
  if (!/^\d{1,9}$/.test(value)) throw new BadRequest(`Failed to convert value of type 'java.lang.String' to required type 'int'; ${name} must be a whole number, not '${value}'`);
  return Number(value);
}

/** The classifications a request may see: codelists only with `includeCodelists`, one owning section only with `ssbSection`. */
function visible(catalogue: KlassCatalogue, params: Params): KlassCatalogueEntry[] {
  const codelists = flag(params, "includeCodelists");
  const section = params.get("ssbSection")?.trim().toLowerCase();
  return catalogue.classifications.filter(
    (c) => (codelists || c.classificationType !== "Kodeliste") && (!section || c.owningSection.toLowerCase() === section || c.workingGroup === section),
  );
}

const summary = (catalogue: KlassCatalogue, c: KlassCatalogueEntry) => ({
  name: c.name,
  id: c.id,
  classificationType: c.classificationType,
  lastModified: c.lastModified,
  _links: { self: { href: `${catalogue.base}/classifications/${c.link}` } },
});

const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * How well a classification matches the query's words: every word must begin a word of its name,
 * description or codes (so «barnev» finds «Barnevern»); a word in the name weighs most.
 */
function score(c: KlassCatalogueEntry, query: string[]): number {
  const name = words(c.name);
  const description = words(c.description);
  const codes = words(c.codes.join(" "));
  let total = 0;
  for (const q of query) {
    const hit = (list: string[]) => list.some((w) => w.startsWith(q));
    const s = (hit(name) ? 3 : 0) + (hit(description) ? 2 : 0) + (hit(codes) ? 1 : 0);
    if (s === 0) return 0;
    total += s;
  }
  return total;
}

/** KLASS's `classifications/search`: matching classifications, best first, as `searchResults` of one page. */
export function searchClassifications(catalogue: KlassCatalogue, params: Params, self: string) {
  const query = params.get("query");
  if (query === null) throw new BadRequest("Required request parameter 'query' for method parameter type String is not present");
  const size = Math.max(1, whole(params, "size", 20));
  const page = whole(params, "page", 0);
  const terms = words(query);
  const found = visible(catalogue, params)
    .map((c) => ({ c, score: terms.length ? score(c, terms) : 1 }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name, "nb"));
  const results = found.slice(page * size, (page + 1) * size).map(({ c, score }) => ({
    name: c.name,
    id: c.id,
    language: "nb",
    snippet: c.description,
    searchScore: score,
    _links: { self: { href: `${catalogue.base}/classifications/${c.link}` } },
  }));
  // Always with `_embedded`, also when empty: ssb-klass-python reads result["_embedded"]["searchResults"] unguarded.
  return {
    _embedded: { searchResults: results },
    _links: { self: { href: self } },
    page: { size, totalElements: found.length, totalPages: Math.ceil(found.length / size), number: page },
  };
}

/** KLASS's `classificationfamilies`: every family, with the number of classifications the request may see. */
export function classificationFamilies(catalogue: KlassCatalogue, params: Params) {
  const seen = visible(catalogue, params);
  return {
    _embedded: {
      classificationFamilies: catalogue.families.map((f) => ({
        name: f.name,
        numberOfClassifications: seen.filter((c) => c.family === f.id).length,
        _links: { self: { href: `${catalogue.base}/classificationfamilies/${f.id}` } },
      })),
    },
    _links: { self: { href: `${catalogue.base}/classificationfamilies` } },
  };
}

/** KLASS's `classificationfamilies/{id}`, by the family's number or its working group's id. */
export function classificationFamily(catalogue: KlassCatalogue, id: string, params: Params) {
  const family = catalogue.families.find((f) => String(f.id) === id || f.key === id);
  if (!family) throw new NotFound(`ClassificationFamily not found with id = ${id}`);
  return {
    name: family.name,
    classifications: visible(catalogue, params)
      .filter((c) => c.family === family.id)
      .map((c) => summary(catalogue, c)),
    _links: { self: { href: `${catalogue.base}/classificationfamilies/${family.id}` } },
  };
}
