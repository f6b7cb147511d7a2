import { EXPORT_SCHEMAS } from "./schemas.ts";

const get = (summary: string, contentType: string, schema?: string, params: string[] = []) => ({
  get: {
    summary,
    parameters: params.map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    responses: { "200": { description: summary, content: { [contentType]: schema ? { schema: { $ref: `/api/v1/schemas/${schema}.json` } } : {} } } },
  },
});

/** An OpenAPI 3.1 description of the static API: every path family, its formats and schemas. */
export function openApiDocument(siteUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "KOSTRA-registeret API",
      version: "v1",
      description: "Static, versioned exports of the KOSTRA registry. v1 URLs never change meaning; sync with index.json and its SHA-256 per file.",
    },
    servers: [{ url: `${siteUrl}/api/v1` }],
    paths: {
      "/index.json": get("Every resource with its files, SHA-256 and the year each last changed; every published year with the SHA-256 of each export it froze", "application/json", "index"),
      "/codelists/{id}/{year}.json": get("A codelist as it applies in a reporting year", "application/json", "codelist-year", ["id", "year"]),
      "/codelists/{id}/{year}.csv": get("The codes as RFC 4180 CSV (UTF-8, comma)", "text/csv", undefined, ["id", "year"]),
      "/codelists/{id}/{year}.excel.csv": get("The codes as CSV for Norwegian Excel (semicolon, UTF-8 with BOM)", "text/csv", undefined, ["id", "year"]),
      "/codelists/{id}/{year}.klass.json": get("The codes in the shape of KLASS's codes response", "application/json", undefined, ["id", "year"]),
      "/codelists/{id}/changes/{from}-{to}.klass.json": get("The changes in the shape of KLASS's changes response", "application/json", undefined, ["id", "from", "to"]),
      "/codelists/{id}/{year}.sdmx.xml": get("The codelist as an SDMX-ML 2.1 structure message", "application/xml", undefined, ["id", "year"]),
      "/codelists/{id}/{year}.sdmx.json": get("The codelist as an SDMX-JSON structure message", "application/json", undefined, ["id", "year"]),
      "/codelists/{id}/{year}.fhir.json": get("The codelist as a FHIR R5 CodeSystem", "application/fhir+json", undefined, ["id", "year"]),
      "/codelists/{id}/{year}.conceptmap.fhir.json": get("The correspondences from the previous version as a FHIR R5 ConceptMap", "application/fhir+json", undefined, ["id", "year"]),
      "/forms/{id}/{year}.json": get("A form or file extract as it applies in a reporting year, with controls and test cases", "application/json", "form-year", ["id", "year"]),
      "/indicators/{id}.json": get("An indicator definition", "application/json", "indicator", ["id"]),
      "/tables/{number}.json": get("A Statbank table", "application/json", "table", ["number"]),
      "/proposals/{id}.json": get("A change proposal", "application/json", "proposal", ["id"]),
      "/meetings/{id}.json": get("A working-group meeting", "application/json", "meeting", ["id"]),
      "/changes/{from}-{to}.json": get("The classified, traced changes between neighbouring reporting years", "application/json", "change-set", ["from", "to"]),
      "/feeds/endringer.atom": get("Atom feed of proposals and published changes", "application/atom+xml"),
      "/feeds/arbeidsgrupper/{id}.atom": get("Atom feed of a working group", "application/atom+xml", undefined, ["id"]),
      "/feeds/kodelister/{id}.atom": get("Atom feed of a codelist's changes", "application/atom+xml", undefined, ["id"]),
      "/schemas/{name}.json": get("JSON Schema of an export", "application/schema+json", undefined, ["name"]),
      "/openapi.json": get("This document", "application/json"),
      "/published/{year}.json": get("The record of a published year: the SHA-256 of every export it froze, and its corrections", "application/json", "published-year", ["year"]),
    },
    components: { schemas: Object.fromEntries(Object.keys(EXPORT_SCHEMAS).map((n) => [n, { $ref: `/api/v1/schemas/${n}.json` }])) },
  };
}
