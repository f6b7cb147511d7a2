import { versionAt, type CodelistEntry, type Version } from "../model/registry.ts";
import type { Code, CodelistVersion, Correspondence, LocalizedText, WorkingGroup } from "../schema/index.ts";
import { urls } from "../site/urls.ts";
import { Graph, iri, langs, lit, typed, type Prefix, type Term } from "./rdf.ts";
import { describeAgent, describePublisher, LICENCE, LANGUAGE, publisherIri, workingGroupAgentIri } from "./dcat.ts";

/**
 * A codelist version as a classification after Digdir's XKOS-AP-NO: the version is a
 * skos:ConceptScheme, each code a skos:Concept (notation, labels in every language the content has,
 * broader/narrower for parents), the levels of a hierarchical list xkos:ClassificationLevel in an
 * xkos:levels list, and the version's correspondences from the previous version an xkos:Correspondence
 * of xkos:ConceptAssociation. The previous version appears as far as the file refers to it (scheme and
 * the concepts the correspondences start from), with XKOS-AP-NO's mandatory properties, so the file
 * stands on its own. Written once per version: it does not depend on the reporting year.
 */

const PREFIXES: readonly Prefix[] = ["rdf", "rdfs", "owl", "xsd", "skos", "xkos", "xkosno", "uneskos", "dct", "foaf", "schema"];

/** The IRI of a codelist version as a classification: its page. */
export const schemeIri = (site: string, id: string, year: number) => `${site}${urls.codelistVersion(id, year)}`;
/** A code of a version: the row of the version's page (`<tr id="kode-…">`). */
export const conceptIri = (site: string, id: string, year: number, code: string) => `${schemeIri(site, id, year)}#kode-${encodeURIComponent(code)}`;
/** The file, below /api/v1/, of a version's classification (any year in force has the same bytes; this is the version's first year). */
export const xkosPath = (id: string, year: number) => `codelists/${id}/${year}.xkos.ttl`;

/** Depth of each code (1 for a code without a parent in the version). */
function depths(codes: Code[]): Map<string, number> {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  const depth = new Map<string, number>();
  const of = (c: Code, seen: Set<string>): number => {
    const known = depth.get(c.code);
    if (known !== undefined) return known;
    const parent = c.parent !== undefined && !seen.has(c.parent) ? byCode.get(c.parent) : undefined;
    const d = parent ? of(parent, new Set(seen).add(c.code)) + 1 : 1;
    depth.set(c.code, d);
    return d;
  };
  for (const c of codes) of(c, new Set([c.code]));
  return depth;
}

/** The first and last day of the reporting years a version applies to; the last only where it ends. */
function validity(entry: CodelistEntry, version: Version<CodelistVersion>) {
  const next = entry.versions[entry.versions.indexOf(version) + 1];
  const ends = [version.data.validTo, next ? next.year - 1 : undefined, entry.meta.discontinuedFrom !== undefined ? entry.meta.discontinuedFrom - 1 : undefined].filter((y): y is number => y !== undefined);
  return { from: `${version.year}-01-01`, through: ends.length ? `${Math.min(...ends)}-12-31` : undefined };
}

/** The XKOS-AP-NO change type of a correspondence, where one fits (xkosno:ItemChangeType). */
function changeType(c: Correspondence, previous: ReadonlyMap<string, Code>, current: ReadonlyMap<string, Code>): string | undefined {
  switch (c.type) {
    // One code into several: split off when the code lives on among them, else broken down.
    case "split": return c.to.includes(c.from[0]!) ? "xkosno:ItemSplitOff" : "xkosno:ItemBreakdown";
    // Several into one: taken over when the one is among them, else merged.
    case "merged": return c.from.includes(c.to[0]!) ? "xkosno:ItemTakeOver" : "xkosno:ItemMerging";
    case "equivalent": {
      // Same meaning: a new code, or the same code with a new label; nothing when neither changed.
      if (c.from[0] !== c.to[0]) return "xkosno:CodeChange";
      const before = previous.get(c.from[0]!);
      const after = current.get(c.to[0]!);
      return before && after && before.name.nb !== after.name.nb ? "xkosno:NameChange" : undefined;
    }
    // A changed meaning has no change type of its own in the vocabulary.
    case "replaced-by": return undefined;
  }
}

/** "Melder" → "Melder 2018", in every language. */
const withYear = (name: LocalizedText, year: number): LocalizedText => Object.fromEntries(Object.entries(name).map(([l, t]) => [l, `${t} ${year}`])) as LocalizedText;

/** Mandatory XKOS-AP-NO properties of a scheme, shared by the version and a previous version it refers to. */
function describeScheme(g: Graph, site: string, entry: CodelistEntry, version: Version<CodelistVersion>, depth = depths(version.data.codes)) {
  const s = schemeIri(site, entry.meta.id, version.year);
  let levels = 1;
  for (const d of depth.values()) if (d > levels) levels = d;
  const name = langs(withYear(entry.meta.name, version.year));
  g.type(s, "skos:ConceptScheme")
    .add(s, "dct:identifier", typed(s, "xsd:anyURI"))
    .add(s, "dct:title", ...name)
    .add(s, "skos:prefLabel", ...name)
    .add(s, "dct:publisher", iri(publisherIri(site)))
    .add(s, "xkos:numberOfLevels", typed(String(levels), "xsd:positiveInteger"))
    .add(s, "owl:versionInfo", lit(String(version.year)));
  return { s, levels };
}

/** The classification of one codelist version, as Turtle; `group` is the owning working group, named as its creator. */
export function codelistVersionToXkos(entry: CodelistEntry, version: Version<CodelistVersion>, siteUrl: string, group: WorkingGroup | undefined): string {
  const site = siteUrl.replace(/\/$/, "");
  const { meta } = entry;
  const g = new Graph();
  const codes = version.data.codes;
  const depth = depths(codes);
  const { s, levels } = describeScheme(g, site, entry, version, depth);
  // Each code's IRI is made once and used wherever the code is named (a list can have 20,000 codes).
  const conceptBase = conceptIri(site, meta.id, version.year, "");
  const concepts = new Map<string, Term>();
  const concept = (code: string): Term => {
    let t = concepts.get(code);
    if (!t) concepts.set(code, (t = iri(conceptBase + encodeURIComponent(code))));
    return t;
  };
  const { from, through } = validity(entry, version);
  g.add(s, "dct:description", lit(meta.description ?? `Kodelisten «${meta.name.nb}» i KOSTRA, versjonen fra rapporteringsåret ${version.year}.`, "nb"));
  if (group) g.add(s, "dct:creator", iri(workingGroupAgentIri(site, group.id)));
  g.add(s, "dct:language", iri(LANGUAGE))
    .add(s, "dct:license", iri(LICENCE))
    .add(s, "schema:validFrom", typed(from, "xsd:date"));
  if (through) g.add(s, "schema:validThrough", typed(through, "xsd:date"));

  const known = new Set(codes.map((c) => c.code));
  // Children by parent, once: a list can have 20,000 codes.
  const children = new Map<string, Code[]>();
  for (const c of codes) {
    if (c.parent === undefined || !known.has(c.parent)) continue;
    const list = children.get(c.parent);
    if (list) list.push(c);
    else children.set(c.parent, [c]);
  }
  const roots = codes.filter((c) => c.parent === undefined || !known.has(c.parent));
  g.add(s, "skos:hasTopConcept", ...roots.map((c) => concept(c.code)));

  // Levels, only where the list is a hierarchy: one per depth, each with its codes, in an rdf:List.
  if (levels > 1) {
    const level = (n: number) => `${s}#niva-${n}`;
    const cell = (n: number) => `${s}#nivaliste-${n}`;
    g.add(s, "xkos:levels", iri(cell(1)));
    for (let n = 1; n <= levels; n++) {
      g.type(cell(n), "rdf:List").add(cell(n), "rdf:first", iri(level(n))).add(cell(n), "rdf:rest", iri(n < levels ? cell(n + 1) : "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"));
      g.type(level(n), "xkos:ClassificationLevel")
        .add(level(n), "xkos:depth", typed(String(n), "xsd:positiveInteger"))
        .add(level(n), "skos:prefLabel", lit(`Nivå ${n}`, "nb"), lit(`Level ${n}`, "en"))
        .add(level(n), "skos:member", ...codes.filter((c) => depth.get(c.code) === n).map((c) => concept(c.code)));
    }
  }
  g.add(s, "uneskos:contains", ...codes.map((c) => concept(c.code)));

  for (const c of codes) {
    const o = (concept(c.code) as { iri: string }).iri;
    g.type(o, "skos:Concept")
      .add(o, "skos:notation", lit(c.code))
      .add(o, "skos:prefLabel", ...langs(c.name))
      .add(o, "skos:inScheme", iri(s));
    if (c.shortName) g.add(o, "skos:altLabel", lit(c.shortName, "nb"));
    if (c.parent !== undefined && known.has(c.parent)) g.add(o, "skos:broader", concept(c.parent));
    else g.add(o, "skos:topConceptOf", iri(s));
    const narrower = children.get(c.code);
    if (narrower) g.add(o, "skos:narrower", ...narrower.map((x) => concept(x.code)));
    if (c.notes) g.add(o, "skos:note", lit(c.notes, "nb"));
    if (c.group) g.add(o, "skos:note", lit(`Står under overskriften «${c.group}» i kilden.`, "nb"));
    if (c.selectable === false) g.add(o, "skos:note", lit("Grupperingskode: ordner hierarkiet, men er ikke en gyldig verdi.", "nb"));
    if (c.status === "deprecated") {
      g.add(o, "owl:deprecated", typed("true", "xsd:boolean"));
      if (c.withdrawnFrom !== undefined) g.add(o, "skos:changeNote", lit(`Utgår: skal ikke brukes fra rapporteringsåret ${c.withdrawnFrom}.`, "nb"));
    }
  }

  // The previous version, as far as this file refers to it; and the correspondences from it.
  const previous = entry.versions[entry.versions.indexOf(version) - 1];
  if (previous) {
    const p = describeScheme(g, site, entry, previous).s;
    if (versionAt(entry, previous.year) === previous) g.add(p, "rdfs:seeAlso", iri(`${site}/api/v1/${xkosPath(meta.id, previous.year)}`));
    g.add(s, "xkos:supersedes", iri(p));
    const correspondences = version.data.correspondences ?? [];
    if (correspondences.length) {
      const k = `${s}#overgang`;
      g.type(k, "xkos:Correspondence")
        .add(k, "dct:identifier", typed(k, "xsd:anyURI"))
        .add(k, "dct:title", lit(`${meta.name.nb}: ${previous.year} → ${version.year}`, "nb"))
        .add(k, "dct:description", lit(`Hvordan kodene i versjonen fra ${previous.year} svarer til kodene i versjonen fra ${version.year}.`, "nb"))
        .add(k, "dct:publisher", iri(publisherIri(site)))
        .add(k, "dct:language", iri(LANGUAGE))
        .add(k, "xkos:compares", iri(p), iri(s));
      const before = (code: string) => conceptIri(site, meta.id, previous.year, code);
      const previousCodes = new Map(previous.data.codes.map((x) => [x.code, x]));
      const currentCodes = new Map(codes.map((x) => [x.code, x]));
      correspondences.forEach((c, i) => {
        const a = `${k}-${i + 1}`;
        g.add(k, "xkos:madeOf", iri(a));
        g.type(a, "xkos:ConceptAssociation")
          .add(a, "xkos:sourceConcept", ...c.from.map((code) => iri(before(code))))
          .add(a, "xkos:targetConcept", ...c.to.map((code) => concept(code)));
        const type = changeType(c, previousCodes, currentCodes);
        if (type) g.add(a, "dct:type", iri(type.replace("xkosno:", "https://data.norge.no/vocabulary/xkosno#")));
        if (c.note) g.add(a, "rdfs:comment", lit(c.note, "nb"));
        for (const code of c.from) {
          const o = before(code);
          const old = previousCodes.get(code);
          g.type(o, "skos:Concept").add(o, "skos:notation", lit(code)).add(o, "skos:prefLabel", ...(old ? langs(old.name) : [lit(code)])).add(o, "skos:inScheme", iri(p));
        }
      });
    }
  }

  describePublisher(g, site);
  if (group) describeAgent(g, site, group);
  // The version's codes as `kode:1.34`, not their whole IRI each time: the IRIs were two thirds of
  // a large list's file, and this, the API's largest format, is a third smaller at KOSTRA scale.
  return g.toTurtle(PREFIXES, [["kode", conceptBase]]);
}
