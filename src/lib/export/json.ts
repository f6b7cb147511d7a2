import type { CodelistEntry, FormEntry, Version } from "../model/registry.ts";
import type { FormVersion } from "../schema/index.ts";
import type { AssumedSpan } from "../model/assumed.ts";
import type { PublishedYear } from "../schema/published.ts";
import type { CodelistYearExport, FormYearExport } from "./shapes.ts";
import { withCitedSources } from "./cited.ts";
import { schemaUrl, type SchemaName } from "./schemas.ts";

/** A JSON file of the API: two-space indented, newline at the end. */
export const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/**
 * A JSON export that has a schema, naming it first: `"$schema": "<absolute URL of the schema>"`, on
 * the site's address (`site`; a published year's frozen files on the address of their lock).
 */
export const exportJson = (name: SchemaName, value: object, site?: string) => json({ $schema: schemaUrl(name, site), ...value });

/** A version's data as it stands nested one level down in a year's JSON (JSON strings hold no raw newlines, so indenting by lines is exact). */
export const nestedVersionJson = (data: unknown) => JSON.stringify(withCitedSources(data), null, 2).replace(/\n/g, "\n  ");

/**
 * `codelists/<id>/<year>.json`: the one maker of these bytes, for the API and for the published
 * years' locks (`yearFiles`). The same bytes as `exportJson("codelist-year", { codelist, year,
 * versionYear, version })`, with the version serialised once (`nestedVersionJson`) however many
 * years it is in force.
 */
export function codelistYearJson(entry: CodelistEntry, year: number, versionYear: number, versionJson: string, site?: string): string {
  // The registry's own number (`numericId`) came after 2022 was published and locked: it is the KLASS
  // query API's (export/klass-api.ts), and left out here so that a published year's bytes stay as locked.
  const { numericId: _numericId, ...codelist } = entry.meta;
  const head = exportJson("codelist-year", { codelist: withCitedSources(codelist), year, versionYear } satisfies Omit<CodelistYearExport, "version">, site).slice(0, -3);
  return `${head},\n  "version": ${versionJson}\n}\n`;
}

/** `forms/<id>/<year>.json`: the one maker of these bytes, for the API and for the published years' locks. */
export function formYearJson(form: FormEntry, year: number, version: Version<FormVersion>, assumed: AssumedSpan | undefined, site?: string): string {
  // Only a year beyond the sources carries the flag, so the bytes of every confirmed year stay as they were.
  const flag = assumed ? { assumed: true as const, confirmedTo: assumed.confirmedTo } : {};
  return exportJson("form-year", { form: withCitedSources(form.meta), year, versionYear: version.year, ...flag, version: withCitedSources(version.data) } satisfies FormYearExport, site);
}

/** `published/<year>.json`: a published year's lock, naming its schema; `index.json` gives the SHA-256 of these bytes. */
export const publishedYearJson = (lock: PublishedYear, site?: string) => exportJson("published-year", lock, site);
