import { z } from "zod";
import { ChangeSet } from "../diff/change.ts";
import { PublishedYear } from "../schema/published.ts";
import { CodelistYearExport, FormYearExport, IndexExport, IndicatorExport, MeetingExport, ProposalExport, TableExport } from "./shapes.ts";

/** Every JSON export's schema, by the file name it is published under in /api/v1/schemas/. */
export const EXPORT_SCHEMAS = {
  "codelist-year": CodelistYearExport,
  "form-year": FormYearExport,
  indicator: IndicatorExport,
  table: TableExport,
  proposal: ProposalExport,
  meeting: MeetingExport,
  "change-set": ChangeSet,
  "published-year": PublishedYear,
  index: IndexExport,
} as const;

export type SchemaName = keyof typeof EXPORT_SCHEMAS;

/**
 * The origin that names the schemas: their `$id`, and the `$schema` of every JSON export. Fixed, not
 * the address a build is served from (`KOSTRA_SITE_URL`): the JSON exports of a published year are
 * frozen by their SHA-256, so their bytes must be the same wherever the site is served (production,
 * a preview, localhost). Every deployment serves each schema under the same path,
 * `/api/v1/schemas/<name>.json`, which `openapi.json` references relatively.
 *
 * A placeholder, as the FHIR canonical base is (`DEFAULT_FHIR_CANONICAL_BASE`): `.example` is
 * reserved (RFC 2606) and owned by no one, and the registry has no address of its own on record.
 * When it has one, set it here: that changes the JSON exports of every published year, so it goes
 * with a recorded correction (`kostra publish <year> --correct`).
 */
export const SCHEMA_ID_ORIGIN = "https://kostra-registeret.example";

/** The absolute URL that names a schema: its `$id`, and the `$schema` of every export that follows it. */
export const schemaUrl = (name: SchemaName) => `${SCHEMA_ID_ORIGIN}/api/v1/schemas/${name}.json`;

/**
 * The published JSON Schema (draft 2020-12) of an export, generated from its zod schema, with an
 * absolute `$id` and the `$schema` member by which each export names it. The member is optional, so
 * the schema also fits the same JSON without it (`kostra diff --format json`, a lock file as written).
 */
export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  const schema = z.toJSONSchema(EXPORT_SCHEMAS[name], { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
  const $schema = { const: schemaUrl(name), description: "The JSON Schema this file follows (this schema's $id)." };
  return { $id: schemaUrl(name), ...schema, properties: { $schema, ...(schema.properties as object) } };
}

/** Which schema a file under /api/v1/ follows, from its path. */
export function schemaForPath(path: string): SchemaName | undefined {
  const rules: [RegExp, SchemaName][] = [
    [/^codelists\/[^/]+\/\d{4}\.json$/, "codelist-year"],
    [/^forms\/[^/]+\/\d{4}\.json$/, "form-year"],
    [/^indicators\/[^/]+\.json$/, "indicator"],
    [/^tables\/\d{5}\.json$/, "table"],
    [/^proposals\/[^/]+\.json$/, "proposal"],
    [/^meetings\/[^/]+\.json$/, "meeting"],
    [/^changes\/\d{4}-\d{4}\.json$/, "change-set"],
    [/^published\/\d{4}\.json$/, "published-year"],
    [/^index\.json$/, "index"],
  ];
  return rules.find(([re]) => re.test(path))?.[1];
}
