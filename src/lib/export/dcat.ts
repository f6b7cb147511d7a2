import { versionAt, type CodelistEntry, type Registry, type Version } from "../model/registry.ts";
import type { CodelistVersion, LocalizedText, WorkingGroup } from "../schema/index.ts";
import { urls } from "../site/urls.ts";
import { Graph, iri, langs, lit, typed, type Prefix, type Term } from "./rdf.ts";

/**
 * The registry's description of itself for data.norge.no: a DCAT-AP-NO 2.0 catalogue of its datasets
 * (every codelist, form or file extract, indicator and change set) and of its data service (the static
 * API, described by its OpenAPI document), as Turtle (`/api/v1/catalog.ttl`) and JSON-LD
 * (`/api/v1/catalog.jsonld`) of the same triples. Checked against Digdir's own SHACL shapes in
 * test/dcat.test.ts. docs/api.md says what was chosen for publisher, licence and themes, and why.
 */

const EU = "http://publications.europa.eu/resource/authority/";

/**
 * Who publishes the catalogue. No content file or source names the organisation that runs this
 * registry, and none gives an organisation number: the publisher is the registry itself, by name, with
 * no dct:identifier (the organisation number in DCAT-AP-NO). An organisation that publishes the registry
 * sets `iri` to its entry in Digdir's organisation catalogue
 * (`https://organization-catalog.fellesdatakatalog.digdir.no/organizations/<orgnr>`) and `identifier`
 * to its organisation number; nothing else changes.
 */
export const PUBLISHER: { name: LocalizedText; iri?: string; identifier?: string } = {
  name: { nb: "KOSTRA-registeret", en: "The KOSTRA registry" },
};

/**
 * The licence of every dataset, distribution and of the API: a stated choice, since no content file
 * gives one. NLOD 2.0, the Norwegian licence for open government data, is the licence the API's OpenAPI
 * document declares (src/lib/export/openapi.ts); the catalogue says the same, as the EU licence term.
 */
export const LICENCE = `${EU}licence/NLOD_2_0`;
/** The content is in bokmål. */
export const LANGUAGE = `${EU}language/NOB`;
/** The files are static, with no login and no limits. */
const ACCESS_PUBLIC = `${EU}access-right/PUBLIC`;
/** KOSTRA covers the municipalities of Norway. */
const NORWAY = `${EU}country/NOR`;

/**
 * EU data themes: every dataset is GOVE (KOSTRA is reporting from municipalities to the state);
 * the working group's service area (tjenesteområde) adds its own. A service area not listed here adds
 * nothing until someone maps it.
 */
const GOVE = `${EU}data-theme/GOVE`;
const SERVICE_AREA_THEMES: Record<string, string[]> = {
  barnevern: [`${EU}data-theme/SOCI`],
  sosialtjenesten: [`${EU}data-theme/SOCI`],
};

/**
 * The terms of controlled vocabularies the catalogue uses, with the scheme each is in. Digdir's shapes
 * check a value's vocabulary by its skos:inScheme in the data, so the catalogue says so for each term it
 * uses (as the EU vocabularies themselves do).
 */
const VOCABULARY: Record<string, { scheme: string; label: LocalizedText | { nb?: undefined; en: string } }> = {
  [GOVE]: { scheme: `${EU}data-theme`, label: { nb: "Forvaltning og offentlig sektor", en: "Government and public sector" } },
  [`${EU}data-theme/SOCI`]: { scheme: `${EU}data-theme`, label: { nb: "Befolkning og samfunn", en: "Population and society" } },
  [LICENCE]: { scheme: `${EU}licence`, label: { nb: "Norsk lisens for offentlige data (NLOD) 2.0", en: "Norwegian Licence for Open Government Data (NLOD) 2.0" } },
  [LANGUAGE]: { scheme: `${EU}language`, label: { nb: "Norsk bokmål", en: "Norwegian Bokmål" } },
  [ACCESS_PUBLIC]: { scheme: `${EU}access-right`, label: { nb: "Allmenn tilgang", en: "public" } },
  [NORWAY]: { scheme: `${EU}country`, label: { nb: "Norge", en: "Norway" } },
  [`${EU}file-type/JSON`]: { scheme: `${EU}file-type`, label: { en: "JSON" } },
  [`${EU}file-type/CSV`]: { scheme: `${EU}file-type`, label: { en: "CSV" } },
  [`${EU}file-type/XLSX`]: { scheme: `${EU}file-type`, label: { en: "XLSX" } },
  [`${EU}file-type/XML`]: { scheme: `${EU}file-type`, label: { en: "XML" } },
  [`${EU}file-type/RDF_TURTLE`]: { scheme: `${EU}file-type`, label: { en: "RDF Turtle" } },
  [`${EU}file-type/JSON_LD`]: { scheme: `${EU}file-type`, label: { en: "JSON-LD" } },
};

/** Standards a distribution conforms to (dct:Standard needs a title). */
const STANDARDS = {
  rfc4180: { iri: "https://www.rfc-editor.org/rfc/rfc4180", title: "RFC 4180: Common Format and MIME Type for Comma-Separated Values (CSV) Files" },
  fhirCodeSystem: { iri: "http://hl7.org/fhir/R5/codesystem.html", title: "HL7 FHIR R5: CodeSystem" },
  fhirConceptMap: { iri: "http://hl7.org/fhir/R5/conceptmap.html", title: "HL7 FHIR R5: ConceptMap" },
  xkosApNo: { iri: "https://data.norge.no/specification/xkos-ap-no/", title: "XKOS-AP-NO: Spesifikasjon for klassifikasjonsbeskrivelser" },
} as const;

interface Format {
  ext: string;
  title: string;
  fileType: "JSON" | "CSV" | "XLSX" | "XML" | "RDF_TURTLE" | "JSON_LD";
  mediaType: string;
  description: string;
  standard?: keyof typeof STANDARDS;
  /** One of the API's own JSON Schemas (`/api/v1/schemas/<name>.json`). */
  schema?: string;
}

/** Every file of a codelist version (src/lib/export/write.ts), as a distribution. */
const CODELIST_FORMATS: Format[] = [
  { ext: "json", title: "JSON", fileType: "JSON", mediaType: "application/json", schema: "codelist-year", description: "Kodelistens metadata og versjonen som gjelder, som i innholdsfilene." },
  { ext: "csv", title: "CSV", fileType: "CSV", mediaType: "text/csv", standard: "rfc4180", description: "Kodene som CSV etter RFC 4180 (UTF-8, komma)." },
  { ext: "excel.csv", title: "CSV for Excel", fileType: "CSV", mediaType: "text/csv", description: "Kodene som CSV for norsk Excel (semikolon, UTF-8 med BOM)." },
  { ext: "xlsx", title: "Excel", fileType: "XLSX", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description: "Kodene som Excel-arbeidsbok (Office Open XML)." },
  { ext: "klass.json", title: "KLASS-JSON", fileType: "JSON", mediaType: "application/json", description: "Kodene med feltnavnene fra SSBs KLASS-API (codes)." },
  { ext: "sdmx.xml", title: "SDMX-ML 2.1", fileType: "XML", mediaType: "application/xml", description: "Kodelisten som SDMX-ML 2.1-strukturmelding." },
  { ext: "sdmx.json", title: "SDMX-JSON", fileType: "JSON", mediaType: "application/json", description: "Kodelisten som SDMX-JSON-strukturmelding." },
  { ext: "fhir.json", title: "FHIR R5 CodeSystem", fileType: "JSON", mediaType: "application/fhir+json", standard: "fhirCodeSystem", description: "Kodelisten som FHIR R5 CodeSystem." },
  { ext: "xkos.ttl", title: "XKOS (RDF Turtle)", fileType: "RDF_TURTLE", mediaType: "text/turtle", standard: "xkosApNo", description: "Versjonen som klassifikasjon etter XKOS-AP-NO (SKOS og XKOS), med korrespondanser fra forrige versjon." },
];
const CONCEPT_MAP: Format = { ext: "conceptmap.fhir.json", title: "FHIR R5 ConceptMap", fileType: "JSON", mediaType: "application/fhir+json", standard: "fhirConceptMap", description: "Korrespondansene fra forrige versjon som FHIR R5 ConceptMap." };
const JSON_FORMAT = (schema: string): Format => ({ ext: "json", title: "JSON", fileType: "JSON", mediaType: "application/json", schema, description: `JSON etter API-ets JSON Schema «${schema}».` });

// ---- IRIs ----------------------------------------------------------------------------------------

const trim = (siteUrl: string) => siteUrl.replace(/\/$/, "");
export const publisherIri = (site: string) => PUBLISHER.iri ?? `${site}/#utgiver`;
export const workingGroupAgentIri = (site: string, id: string) => `${site}${urls.workingGroup(id)}#arbeidsgruppe`;
const catalogIri = (site: string) => `${site}${urls.api()}#katalog`;
const serviceIri = (site: string) => `${site}${urls.api()}#api`;
const registryContactIri = (site: string) => `${site}/#kontaktpunkt`;
const groupContactIri = (site: string, id: string) => `${site}${urls.workingGroup(id)}#kontaktpunkt`;
const api = (site: string, path: string) => `${site}/api/v1/${path}`;

// ---- Agents, shared with the XKOS files ------------------------------------------------------------

/** The publisher as a foaf:Agent. */
export function describePublisher(g: Graph, site: string): void {
  const p = publisherIri(site);
  g.type(p, "foaf:Agent").add(p, "foaf:name", ...langs(PUBLISHER.name));
  if (PUBLISHER.identifier) g.add(p, "dct:identifier", lit(PUBLISHER.identifier));
  g.add(p, "foaf:homepage", iri(`${site}/`));
}

/** A working group as a foaf:Agent: the creator of what it owns. */
export function describeAgent(g: Graph, site: string, group: WorkingGroup): void {
  const a = workingGroupAgentIri(site, group.id);
  g.type(a, "foaf:Agent").add(a, "foaf:name", ...langs(group.name)).add(a, "foaf:homepage", iri(`${site}${urls.workingGroup(group.id)}`));
}

// ---- The catalogue ---------------------------------------------------------------------------------

/** What a dataset says about itself, besides its distributions. */
interface DatasetInfo {
  iri: string;
  title: Term[];
  description: string;
  landingPage: string;
  group?: WorkingGroup;
  keywords: string[];
  years?: { from: number; through?: number };
  extra?: (g: Graph) => void;
}

class CatalogBuilder {
  readonly g = new Graph();
  readonly datasets: string[] = [];
  readonly #vocabulary = new Set<string>();
  readonly #standards = new Set<string>();
  readonly #schemas = new Set<string>();
  readonly #groups = new Map<string, WorkingGroup>();

  constructor(readonly site: string) {}

  /** A term of a controlled vocabulary, remembered so that it is described once. */
  vocab(u: string) {
    if (!VOCABULARY[u]) throw new Error(`no vocabulary entry for ${u}`);
    this.#vocabulary.add(u);
    return iri(u);
  }

  dataset(info: DatasetInfo, distributions: { iri: string; title: string; path: string; format: Format }[]) {
    const { g, site } = this;
    const d = info.iri;
    this.datasets.push(d);
    const area = info.group?.serviceArea.toLowerCase();
    g.type(d, "dcat:Dataset")
      .add(d, "dct:identifier", lit(d))
      .add(d, "dct:title", ...info.title)
      .add(d, "dct:description", lit(info.description, "nb"))
      .add(d, "dct:publisher", iri(publisherIri(site)))
      .add(d, "dcat:theme", this.vocab(GOVE), ...(area ? SERVICE_AREA_THEMES[area] ?? [] : []).map((t) => this.vocab(t)))
      .add(d, "dcat:keyword", ...info.keywords.map((k) => lit(k, "nb")))
      .add(d, "dct:language", this.vocab(LANGUAGE))
      .add(d, "dct:spatial", this.vocab(NORWAY))
      .add(d, "dct:accessRights", this.vocab(ACCESS_PUBLIC))
      .add(d, "dcat:landingPage", iri(info.landingPage));
    if (info.group) {
      this.#groups.set(info.group.id, info.group);
      g.add(d, "dct:creator", iri(workingGroupAgentIri(site, info.group.id))).add(d, "dcat:contactPoint", iri(groupContactIri(site, info.group.id)));
    } else g.add(d, "dcat:contactPoint", iri(registryContactIri(site)));
    if (info.years) {
      const t = `${d}-tidsrom`;
      g.add(d, "dct:temporal", iri(t));
      g.type(t, "dct:PeriodOfTime").add(t, "dcat:startDate", typed(`${info.years.from}-01-01`, "xsd:date"));
      if (info.years.through !== undefined) g.add(t, "dcat:endDate", typed(`${info.years.through}-12-31`, "xsd:date"));
    }
    info.extra?.(g);
    for (const dist of distributions) {
      const { format } = dist;
      const o = dist.iri;
      const url = iri(api(site, dist.path));
      g.add(d, "dcat:distribution", iri(o));
      g.type(o, "dcat:Distribution")
        .add(o, "dct:title", lit(dist.title, "nb"))
        .add(o, "dct:description", lit(format.description, "nb"))
        .add(o, "dcat:accessURL", url)
        .add(o, "dcat:downloadURL", url)
        .add(o, "dcat:accessService", iri(serviceIri(site)))
        .add(o, "dct:format", this.vocab(`${EU}file-type/${format.fileType}`))
        .add(o, "dcat:mediaType", iri(`https://www.iana.org/assignments/media-types/${format.mediaType}`))
        .add(o, "dct:license", this.vocab(LICENCE));
      if (format.standard) {
        this.#standards.add(format.standard);
        g.add(o, "dct:conformsTo", iri(STANDARDS[format.standard].iri));
      }
      if (format.schema) {
        this.#schemas.add(format.schema);
        g.add(o, "dct:conformsTo", iri(api(site, `schemas/${format.schema}.json`)));
      }
    }
  }

  /** The agents, contact points, standards and vocabulary terms the datasets refer to. */
  finish() {
    const { g, site } = this;
    describePublisher(g, site);
    const rc = registryContactIri(site);
    g.type(rc, "vcard:Organization").add(rc, "vcard:fn", lit(PUBLISHER.name.nb, "nb")).add(rc, "vcard:hasURL", iri(`${site}/`));
    for (const group of this.#groups.values()) {
      describeAgent(g, site, group);
      const c = groupContactIri(site, group.id);
      g.type(c, "vcard:Organization").add(c, "vcard:fn", lit(group.name.nb, "nb")).add(c, "vcard:hasURL", iri(`${site}${urls.workingGroup(group.id)}`));
    }
    for (const key of this.#standards) {
      const s = STANDARDS[key as keyof typeof STANDARDS];
      g.type(s.iri, "dct:Standard").add(s.iri, "dct:title", lit(s.title));
    }
    for (const name of this.#schemas) {
      const s = api(site, `schemas/${name}.json`);
      g.type(s, "dct:Standard").add(s, "dct:title", lit(`JSON Schema «${name}» for KOSTRA-registerets API`, "nb"));
    }
    for (const u of this.#vocabulary) {
      const v = VOCABULARY[u]!;
      g.type(u, "skos:Concept").add(u, "skos:inScheme", iri(v.scheme)).add(u, "skos:prefLabel", ...(["nb", "en"] as const).filter((l) => v.label[l]).map((l) => lit(v.label[l]!, l)));
    }
  }
}

/** The reporting years a versioned item covers: from its first year, through the last only where it ends. */
function coverage(registry: Registry, entry: { meta: { discontinuedFrom?: number }; versions: Version<{ validTo?: number }>[] }) {
  const years = registry.yearsOf(entry);
  if (!years.length) return undefined;
  const last = years.at(-1)!;
  // Open-ended when the item is still in force in the registry's last year.
  return { from: years[0]!, through: last === registry.lastYear && entry.meta.discontinuedFrom === undefined ? undefined : last };
}

function codelistDataset(b: CatalogBuilder, registry: Registry, entry: CodelistEntry) {
  const { site } = b;
  const { meta } = entry;
  const group = registry.workingGroups.get(meta.workingGroup);
  const inForce = entry.versions.filter((v) => versionAt(entry, v.year) === v);
  // The reporting years a version is in force: "2018", "2018–2020", or "fra 2023" while it still is;
  // after a comma, so a number ending the name never runs on into the years (a name ending in
  // «150» read «150 2013–2023», eleven digits the personal-data scan rightly cannot tell apart).
  const range = (v: Version<CodelistVersion>) => {
    const years = registry.yearsOf(entry).filter((y) => versionAt(entry, y) === v);
    const last = years.at(-1)!;
    if (last === registry.lastYear && meta.discontinuedFrom === undefined) return `fra ${years[0]}`;
    return years.length > 1 ? `${years[0]}–${last}` : `${years[0]}`;
  };
  const distributions = inForce.flatMap((v) => {
    const previous = entry.versions[entry.versions.indexOf(v) - 1];
    const formats = [...CODELIST_FORMATS, ...(v.data.correspondences?.length && previous ? [CONCEPT_MAP] : [])];
    return formats.map((format) => ({
      iri: `${site}${urls.codelist(meta.id)}#distribusjon-${v.year}-${format.ext.replace(/\./g, "-")}`,
      title: `${meta.name.nb}, ${range(v)} (${format.title})`,
      path: `codelists/${meta.id}/${v.year}.${format.ext}`,
      format,
    }));
  });
  const replacedBy = meta.replacedBy !== undefined && registry.codelists.has(meta.replacedBy) ? `${site}${urls.codelist(meta.replacedBy)}#datasett` : undefined;
  b.dataset(
    {
      iri: `${site}${urls.codelist(meta.id)}#datasett`,
      title: langs(meta.name),
      description: meta.description ?? `Kodelisten «${meta.name.nb}» i KOSTRA${meta.usedIn ? `, brukt i ${meta.usedIn}` : ""}.`,
      landingPage: `${site}${urls.codelist(meta.id)}`,
      group,
      keywords: ["KOSTRA", "kodeliste", ...(group ? [group.serviceArea] : [])],
      years: coverage(registry, entry),
      extra: (g) => {
        const d = `${site}${urls.codelist(meta.id)}#datasett`;
        if (replacedBy) g.add(d, "dct:isReplacedBy", iri(replacedBy));
        if (meta.klassId !== undefined) g.add(d, "dct:relation", iri(`https://www.ssb.no/klass/klassifikasjoner/${meta.klassId}`));
      },
    },
    distributions,
  );
}

/** The catalogue as a graph. */
export function catalogGraph(registry: Registry, siteUrl: string): Graph {
  const site = trim(siteUrl);
  const b = new CatalogBuilder(site);
  const { g } = b;

  for (const entry of registry.codelists.values()) codelistDataset(b, registry, entry);

  for (const form of registry.forms.values()) {
    const { meta } = form;
    const group = registry.workingGroups.get(meta.workingGroup);
    const kind = meta.kind === "file-extract" ? "Filuttrekk" : "Skjema";
    const title = `${kind} ${meta.number}: ${meta.name.nb}`;
    const inForce = form.versions.filter((v) => versionAt(form, v.year) === v);
    b.dataset(
      {
        iri: `${site}${urls.form(meta.id)}#datasett`,
        title: [lit(title, "nb"), ...(meta.name.nn ? [lit(`${kind} ${meta.number}: ${meta.name.nn}`, "nn")] : []), ...(meta.name.en ? [lit(`${meta.kind === "file-extract" ? "File extract" : "Form"} ${meta.number}: ${meta.name.en}`, "en")] : [])],
        description: meta.description ?? `${title} i KOSTRA.`,
        landingPage: `${site}${urls.form(meta.id)}`,
        group,
        keywords: ["KOSTRA", meta.kind === "file-extract" ? "filuttrekk" : "skjema", ...(group ? [group.serviceArea] : [])],
        years: coverage(registry, form),
      },
      inForce.map((v) => ({ iri: `${site}${urls.form(meta.id)}#distribusjon-${v.year}-json`, title: `${title}, versjonen fra ${v.year} (JSON)`, path: `forms/${meta.id}/${v.year}.json`, format: JSON_FORMAT("form-year") })),
    );
  }

  for (const i of registry.indicators.values()) {
    const group = i.workingGroup !== undefined ? registry.workingGroups.get(i.workingGroup) : undefined;
    b.dataset(
      {
        iri: `${site}${urls.indicator(i.id)}#datasett`,
        title: [lit(i.name, "nb")],
        description: i.description,
        landingPage: `${site}${urls.indicator(i.id)}`,
        group,
        keywords: ["KOSTRA", "nøkkeltall", i.type, ...(i.status === "proposed" ? ["forslag"] : []), ...(group ? [group.serviceArea] : [])],
      },
      [{ iri: `${site}${urls.indicator(i.id)}#distribusjon-json`, title: `${i.name} (JSON)`, path: `indicators/${i.id}.json`, format: JSON_FORMAT("indicator") }],
    );
  }

  for (const to of registry.reportingYears.slice(1)) {
    const from = to - 1;
    const page = `${site}${urls.changes(from, to)}`;
    b.dataset(
      {
        iri: `${page}#datasett`,
        title: [lit(`Endringer i KOSTRA fra rapporteringsåret ${from} til ${to}`, "nb")],
        description: `Alle endringer i kodelister, skjema og filuttrekk fra rapporteringsåret ${from} til ${to}, klassifisert og med kilde for hver endring.`,
        landingPage: page,
        keywords: ["KOSTRA", "endringer"],
        years: { from, through: to },
      },
      [{ iri: `${page}#distribusjon-json`, title: `Endringer ${from}–${to} (JSON)`, path: `changes/${from}-${to}.json`, format: JSON_FORMAT("change-set") }],
    );
  }

  // The data service: the static API, described by its OpenAPI document.
  const s = serviceIri(site);
  g.type(s, "dcat:DataService")
    .add(s, "dct:identifier", lit(s))
    .add(s, "dct:title", lit("KOSTRA-registerets API", "nb"), lit("The KOSTRA registry API", "en"))
    .add(s, "dct:description", lit("Alt i KOSTRA-registeret som statiske filer på faste adresser under /api/v1/: kodelister per rapporteringsår (JSON, CSV, Excel, KLASS, SDMX, FHIR, XKOS), skjema og filuttrekk med kontroller, indikatorer og endringer mellom årene. Ingen innlogging og ingen grenser; index.json lister hver fil med SHA-256.", "nb"), lit("Everything in the KOSTRA registry as static files at fixed addresses under /api/v1/: codelists per reporting year (JSON, CSV, Excel, KLASS, SDMX, FHIR, XKOS), forms and file extracts with controls, indicators and the changes between years. No login and no limits; index.json lists every file with its SHA-256.", "en"))
    .add(s, "dcat:endpointURL", iri(`${site}/api/v1/`))
    .add(s, "dcat:endpointDescription", iri(`${site}/api/v1/openapi.json`))
    .add(s, "dcat:landingPage", iri(`${site}${urls.api()}`))
    .add(s, "dct:publisher", iri(publisherIri(site)))
    .add(s, "dcat:contactPoint", iri(registryContactIri(site)))
    .add(s, "dct:format", ...(["JSON", "CSV", "XLSX", "XML", "RDF_TURTLE", "JSON_LD"] as const).map((t) => b.vocab(`${EU}file-type/${t}`)))
    .add(s, "dcat:mediaType", ...["application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/xml", "application/fhir+json", "text/turtle", "application/ld+json", "application/atom+xml"].map((m) => iri(`https://www.iana.org/assignments/media-types/${m}`)))
    .add(s, "dct:license", b.vocab(LICENCE))
    .add(s, "dct:accessRights", b.vocab(ACCESS_PUBLIC))
    .add(s, "dcat:keyword", lit("KOSTRA", "nb"), lit("API", "nb"))
    .add(s, "dcat:servesDataset", ...b.datasets.map((d) => iri(d)));

  // The catalogue: first in the file, so it is added last and moved up.
  const c = catalogIri(site);
  const catalog = new Graph();
  catalog
    .type(c, "dcat:Catalog")
    .add(c, "dct:identifier", lit(c))
    .add(c, "dct:title", lit("KOSTRA-registeret", "nb"), lit("The KOSTRA registry", "en"))
    .add(c, "dct:description", lit("Datasettene og API-et til KOSTRA-registeret: kodelister per rapporteringsår, skjema og filuttrekk, indikatorer og endringer mellom årene i KOSTRA (kommune–stat-rapportering), med kilde for hvert faktum.", "nb"), lit("The datasets and API of the KOSTRA registry: codelists per reporting year, forms and file extracts, indicators and the changes between years in KOSTRA (municipality–state reporting), each fact with its source.", "en"))
    .add(c, "dct:publisher", iri(publisherIri(site)))
    .add(c, "dct:language", b.vocab(LANGUAGE))
    .add(c, "dct:license", b.vocab(LICENCE))
    .add(c, "dct:spatial", b.vocab(NORWAY))
    .add(c, "foaf:homepage", iri(`${site}/`))
    .add(c, "dcat:dataset", ...b.datasets.map((d) => iri(d)))
    .add(c, "dcat:service", iri(s));
  b.finish();
  for (const [sub, p, o] of g.triples()) catalog.add(sub, p, o);
  return catalog;
}

export const CATALOG_PREFIXES: readonly Prefix[] = ["rdf", "xsd", "dcat", "dct", "foaf", "vcard", "skos"];

/** `/api/v1/catalog.ttl` and `/api/v1/catalog.jsonld`: the same triples. */
export function catalogFiles(registry: Registry, siteUrl: string): { turtle: string; jsonld: string } {
  const g = catalogGraph(registry, siteUrl);
  return { turtle: g.toTurtle(CATALOG_PREFIXES), jsonld: g.toJsonLd(CATALOG_PREFIXES) };
}
