import { EXPORT_SCHEMAS, type SchemaName } from "./schemas.ts";

const JSON_TYPE = "application/json";
const CSV = "text/csv";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XML = "application/xml";
const FHIR = "application/fhir+json";
const ATOM = "application/atom+xml";
const ICALENDAR = "text/calendar";

/**
 * One file family of the API: its path below the server, operationId, summary, media type, the
 * schema of its JSON (an export's schema in /schemas/) and, for files outside /api/v1/, the path
 * its server has on the site. Adding a family is adding a row. A parameter in a path is one of
 * PARAMETERS: its pattern keeps the paths apart (`{year}` is four digits, so `2023.klass.json`
 * matches `/codelists/{id}/{year}.klass.json` and not `/codelists/{id}/{year}.json`).
 */
type ApiPath = readonly [path: string, operationId: string, summary: string, mediaType: string, schema?: SchemaName, server?: string];

export const API_PATHS: readonly ApiPath[] = [
  ["/index.json", "getIndex", "Every resource with its files, SHA-256 and the year each last changed; every published year with the SHA-256 of each export it froze", JSON_TYPE, "index"],
  ["/codelists/{id}/{year}.json", "getCodelistYear", "A codelist as it applies in a reporting year", JSON_TYPE, "codelist-year"],
  ["/codelists/{id}/{year}.csv", "getCodelistYearCsv", "The codes as RFC 4180 CSV (UTF-8, comma)", CSV],
  ["/codelists/{id}/{year}.excel.csv", "getCodelistYearExcelCsv", "The codes as CSV for Norwegian Excel (semicolon, UTF-8 with BOM)", CSV],
  ["/codelists/{id}/{year}.xlsx", "getCodelistYearXlsx", "The codes as an Excel workbook (Office Open XML)", XLSX],
  ["/codelists/{id}/{year}.klass.json", "getCodelistYearKlass", "The codes in the shape of KLASS's codes response", JSON_TYPE],
  ["/codelists/{id}/changes/{from}-{to}.klass.json", "getCodelistChangesKlass", "The changes in the shape of KLASS's changes response", JSON_TYPE],
  ["/codelists/{id}/{year}.sdmx.xml", "getCodelistYearSdmxMl", "The codelist as an SDMX-ML 2.1 structure message", XML],
  ["/codelists/{id}/{year}.sdmx.json", "getCodelistYearSdmxJson", "The codelist as an SDMX-JSON structure message", JSON_TYPE],
  ["/codelists/{id}/{year}.fhir.json", "getCodelistYearFhirCodeSystem", "The codelist as a FHIR R5 CodeSystem", FHIR],
  ["/codelists/{id}/{year}.conceptmap.fhir.json", "getCodelistYearFhirConceptMap", "The correspondences from the previous version as a FHIR R5 ConceptMap", FHIR],
  ["/codelists/{id}/{year}.xkos.ttl", "getCodelistYearXkos", "The codelist version as an XKOS-AP-NO classification (SKOS/XKOS in Turtle), with its correspondences from the previous version", "text/turtle"],
  ["/forms/{id}/{year}.json", "getFormYear", "A form or file extract as it applies in a reporting year, with controls and test cases", JSON_TYPE, "form-year"],
  ["/forms/{id}/{year}.kontrollprogram.yaml", "getFormYearKontrollprogram", "A fixed-width file extract as it applies in a reporting year, in the file-description format of SSB's control program (kostra-kontrollprogram)", "application/yaml"],
  ["/forms/{id}/changelog-{from}-{to}.md", "getFormChangelogKontrollprogram", "The changes of a fixed-width file extract between neighbouring reporting years, as SSB's control program writes its changelog (Markdown: Fjernet, Lagt til, Endret)", "text/markdown"],
  ["/indicators/{id}.json", "getIndicator", "An indicator definition", JSON_TYPE, "indicator"],
  ["/tables/{number}.json", "getTable", "A Statbank table", JSON_TYPE, "table"],
  ["/proposals/{id}.json", "getProposal", "A change proposal", JSON_TYPE, "proposal"],
  ["/meetings/{id}.json", "getMeeting", "A working-group meeting", JSON_TYPE, "meeting"],
  ["/changes/{from}-{to}.json", "getChangeSet", "The classified, traced changes between neighbouring reporting years", JSON_TYPE, "change-set"],
  ["/published/{year}.json", "getPublishedYear", "The record of a published year: the SHA-256 of every export it froze, and its corrections", JSON_TYPE, "published-year"],
  ["/feeds/endringer.atom", "getChangesFeed", "Atom feed of proposals and published changes", ATOM],
  ["/feeds/arbeidsgrupper/{id}.atom", "getWorkingGroupFeed", "Atom feed of a working group", ATOM],
  ["/feeds/kodelister/{id}.atom", "getCodelistFeed", "Atom feed of a codelist's changes", ATOM],
  ["/schemas/{name}.json", "getSchema", "JSON Schema (draft 2020-12) of a JSON export", JSON_TYPE],
  ["/openapi.json", "getOpenApi", "This document", JSON_TYPE],
  ["/catalog.ttl", "getCatalogTurtle", "The DCAT-AP-NO catalogue of the registry's datasets and of this API, for data.norge.no (Turtle)", "text/turtle"],
  ["/catalog.jsonld", "getCatalogJsonLd", "The same DCAT-AP-NO catalogue as JSON-LD", "application/ld+json"],
  ["/{year}.ics", "getCalendar", "The reporting cycle of a year as iCalendar (RFC 5545): deadlines, meetings, publications", ICALENDAR, undefined, "/kalender"],
];

const yearLike = (description: string) => ({ description, schema: { type: "string", pattern: "^\\d{4}$" }, example: "2023" });

/** Every path parameter, with the pattern of its values. */
const PARAMETER_SCHEMAS = {
  id: { description: "Id of the codelist, form, indicator, proposal, meeting or working group: lowercase letters a–z, digits and single hyphens.", schema: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" }, example: "plantype" },
  year: yearLike("Reporting year, four digits."),
  from: yearLike("The earlier of two neighbouring reporting years."),
  to: yearLike("The later of two neighbouring reporting years (`from` + 1)."),
  number: { description: "Statbank table number, five digits.", schema: { type: "string", pattern: "^\\d{5}$" }, example: "12115" },
  name: { description: "Name of the schema.", schema: { type: "string", enum: Object.keys(EXPORT_SCHEMAS) }, example: "codelist-year" },
};
const PARAMETERS = Object.fromEntries(Object.entries(PARAMETER_SCHEMAS).map(([name, p]) => [name, { name, in: "path", required: true, ...p }]));

/** Redocly and the like warn of a server on localhost or example.com; such a site gets the relative server. */
const LOCAL_HOST = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$|\.localhost$|(^|\.)example(\.(com|net|org))?$/i;

/**
 * A server's URL: relative to the site (so to wherever the document is read from) when the site's
 * address is local or unset, else absolute on the configured site.
 */
function serverUrl(siteUrl: string, path: string): string {
  let host: string;
  try {
    host = new URL(siteUrl).hostname;
  } catch {
    return path;
  }
  return LOCAL_HOST.test(host) ? path : `${siteUrl.replace(/\/+$/, "")}${path}`;
}

function pathItem([path, operationId, summary, mediaType, schema, server]: ApiPath, siteUrl: string) {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  for (const name of names) if (!(name in PARAMETERS)) throw new Error(`OpenAPI path ${path}: no parameter «${name}» in PARAMETERS`);
  return {
    ...(server !== undefined && { servers: [{ url: serverUrl(siteUrl, server) }] }),
    get: {
      operationId,
      summary,
      ...(names.length > 0 && { parameters: names.map((name) => ({ $ref: `#/components/parameters/${name}` })) }),
      responses: {
        "200": { description: summary, content: { [mediaType]: schema ? { schema: { $ref: `#/components/schemas/${schema}` } } : {} } },
        "404": { $ref: "#/components/responses/NotFound" },
      },
    },
  };
}

/**
 * An OpenAPI 3.1 description of the static API: every path family, its formats and schemas. Every
 * reference is relative to the document (`./schemas/<name>.json`), so it resolves from a file as
 * from the site.
 */
export function openApiDocument(siteUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "KOSTRA-registeret API",
      version: "v1",
      description:
        "Static, versioned exports of the KOSTRA registry. v1 URLs never change meaning; sync with index.json and its SHA-256 per file. " +
        "Each JSON export that has a schema names it in `$schema` (the schema's `$id`); the schemas are served under /schemas/. " +
        "The content is made available under the Norwegian Licence for Open Government Data (NLOD) 2.0.",
      license: { name: "Norsk lisens for offentlige data (NLOD) 2.0", url: "https://data.norge.no/nlod/no/2.0" },
    },
    servers: [{ url: serverUrl(siteUrl, "/api/v1") }],
    // Static files for anyone: no authentication.
    security: [],
    paths: Object.fromEntries(API_PATHS.map((p) => [p[0], pathItem(p, siteUrl)])),
    components: {
      schemas: Object.fromEntries(Object.keys(EXPORT_SCHEMAS).map((n) => [n, { $ref: `./schemas/${n}.json` }])),
      parameters: PARAMETERS,
      responses: { NotFound: { description: "No such file: an unknown id, or a year the item does not apply to." } },
    },
  };
}
