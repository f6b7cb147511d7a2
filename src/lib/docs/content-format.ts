import { z } from "zod";
import { contentKinds } from "../schema/index.ts";

/** Markers around the generated part of docs/content-format.md. */
export const GENERATED_START = "<!-- generated from the code by `npx kostra docs`: do not edit by hand -->";
export const GENERATED_END = "<!-- end of generated reference -->";

type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  additionalProperties?: JsonSchema | boolean;
};

interface Row {
  field: string;
  type: string;
  required: boolean;
  description: string;
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(" \\| ");
  if (s.anyOf) return s.anyOf.map(typeOf).join(" or ");
  if (s.type === "array") return `list of ${s.items ? typeOf(s.items) : "values"}`;
  if (s.type === "object") return s.properties ? "object" : "map of text";
  if (s.format === "date") return "date";
  if (s.type === "integer") return s.minimum === 1990 ? "year" : "integer";
  return String(s.type ?? "any");
}

function rows(schema: JsonSchema, prefix: string, out: Row[], parentRequired = true): void {
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const field = prefix ? `${prefix}.${key}` : key;
    const required = parentRequired && (schema.required ?? []).includes(key);
    out.push({ field, type: typeOf(prop), required, description: (prop.description ?? "").replace(/\|/g, "\\|") });
    if (prop.type === "object" && prop.properties) rows(prop, field, out, required);
    if (prop.type === "array" && prop.items?.type === "object") rows(prop.items, `${field}[]`, out, true);
  }
}

/** The field reference of every content kind, as Markdown. */
export function renderContentFormatReference(): string {
  const parts = [GENERATED_START, ""];
  for (const kind of Object.values(contentKinds)) {
    const json = z.toJSONSchema(kind.schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    const out: Row[] = [];
    rows(json, "", out);
    parts.push(`### ${kind.name}: \`${kind.pattern}\``, "", json.description ?? "", "");
    if (kind.mdx) parts.push("The fields below are the YAML front matter; the MDX body below it is free text.", "");
    parts.push("| field | type | required | description |", "| --- | --- | --- | --- |");
    for (const r of out) parts.push(`| \`${r.field}\` | ${r.type} | ${r.required ? "yes" : "no"} | ${r.description} |`);
    parts.push("");
  }
  parts.push(GENERATED_END);
  return parts.join("\n");
}

/** Replaces the generated part of a document; throws when the markers are missing. */
export function replaceGenerated(doc: string, generated: string): string {
  const start = doc.indexOf(GENERATED_START);
  const end = doc.indexOf(GENERATED_END);
  if (start < 0 || end < start) throw new Error("the document lacks the generated-reference markers");
  return doc.slice(0, start) + generated + doc.slice(end + GENERATED_END.length);
}

/** The generated part as it stands in a document. */
export function extractGenerated(doc: string): string | undefined {
  const start = doc.indexOf(GENERATED_START);
  const end = doc.indexOf(GENERATED_END);
  return start < 0 || end < start ? undefined : doc.slice(start, end + GENERATED_END.length);
}
