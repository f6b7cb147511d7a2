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

/** The published JSON Schema (draft 2020-12) of an export, generated from its zod schema. */
export function jsonSchemaOf(name: SchemaName): Record<string, unknown> {
  return { $id: `/api/v1/schemas/${name}.json`, ...z.toJSONSchema(EXPORT_SCHEMAS[name], { target: "draft-2020-12", io: "output" }) };
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
