import { z } from "zod";
import { PLACEHOLDER_SITE } from "../site/address.ts";
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
 * The absolute URL that names a schema: its `$id`, and the `$schema` of every export that follows it,
 * on the site's address (`site`, src/lib/site/address.ts). Every deployment serves each schema under
 * the same path, `/api/v1/schemas/<name>.json`, which `openapi.json` references relatively. A
 * published year's frozen JSON keeps the address its lock was made on (`PublishedYear.site`).
 */
export const schemaUrl = (name: SchemaName, site: string = PLACEHOLDER_SITE) => `${site}/api/v1/schemas/${name}.json`;

/**
 * The published JSON Schema (draft 2020-12) of an export, generated from its zod schema, with an
 * absolute `$id` and the `$schema` member by which each export names it. The member is optional, so
 * the schema also fits the same JSON without it (`kostra diff --format json`, a lock file as written).
 */
export function jsonSchemaOf(name: SchemaName, site: string = PLACEHOLDER_SITE, lockedSites: Iterable<string> = []): Record<string, unknown> {
  const schema = z.toJSONSchema(EXPORT_SCHEMAS[name], { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
  // A published year's frozen files name the schema on the address their lock was made on, which may be an earlier one.
  const named = [...new Set([site, ...lockedSites])].map((s) => schemaUrl(name, s));
  const description = "The JSON Schema this file follows (this schema's $id; a published year's frozen files keep the address they were published on).";
  const $schema = named.length === 1 ? { const: named[0], description: "The JSON Schema this file follows (this schema's $id)." } : { enum: named, description };
  return { $id: schemaUrl(name, site), ...schema, properties: { $schema, ...(schema.properties as object) } };
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
