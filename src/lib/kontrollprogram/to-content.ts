import type { PathSegment } from "../findings/finding.ts";
import type { Form, FormVersion, RecordField } from "../schema/index.ts";
import type { SsbField, SsbFileDescription } from "./format.ts";

/** The registry's field type for SSB's data type: a string with codes is a `code` field. */
function fieldType(f: SsbField): RecordField["type"] {
  if (f.dataType === "INTEGER_TYPE") return "integer";
  if (f.dataType === "DATE_TYPE") return "date";
  return f.codeList.length || f.codelistSource !== null ? "code" : "text";
}

/** One of SSB's fields as a record field: `from` → `position`, `size` → `length`, `codeList` → `codes`; null, `""` and `[]` are left out. */
export function fieldToContent(f: SsbField): RecordField {
  return {
    name: f.name,
    ...(f.description !== null && { description: f.description }),
    type: fieldType(f),
    dataType: f.dataType,
    position: f.from,
    length: f.size,
    ...(f.datePattern !== "" && { datePattern: f.datePattern }),
    ...(f.mandatory && { mandatory: true }),
    ...(f.codelistSource !== null && { classification: f.codelistSource }),
    ...(f.codeList.length > 0 && { codes: f.codeList.map((c) => ({ code: c.code, label: c.value })) }),
  };
}

/** The form's id in the registry: SSB's id in lower case (`55f`), `regnskap` for the accounts, whose id is empty. */
export function formIdOf(d: SsbFileDescription): string {
  return (d.id || d.title).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/**
 * The form's name without its number: SSB's title is the number and the name
 * (`55F Meklingssaker i familieverntjenesten`); the accounts' title is the name alone.
 */
export function formNameOf(d: SsbFileDescription): string {
  return d.id && d.title.startsWith(`${d.id} `) ? d.title.slice(d.id.length + 1) : d.title;
}

/** SSB's file description as a version of a file extract: one fixed-width record holding every field. */
export function toFormVersion(d: SsbFileDescription, source: string): FormVersion {
  const id = formIdOf(d);
  return {
    title: d.title,
    ...(d.description !== "" && { description: d.description }),
    source,
    records: [{ id, name: d.id || d.title, fields: d.fields.map(fieldToContent) }],
  };
}

/** The form's metadata from its first file description; the working group is the caller's choice. */
export function toForm(d: SsbFileDescription, workingGroup: string, source: string): Form {
  return {
    id: formIdOf(d),
    number: d.id || d.title,
    name: { nb: formNameOf(d) },
    kind: "file-extract",
    workingGroup,
    controlProgramId: d.id,
    source,
  };
}

/** A record field's key in content → the key of SSB's field it is made from (`fieldToContent`). */
const SSB_FIELD_KEY: Record<string, string> = {
  name: "name",
  description: "description",
  type: "dataType",
  dataType: "dataType",
  position: "from",
  length: "size",
  datePattern: "datePattern",
  mandatory: "mandatory",
  classification: "codelistSource",
  codes: "codeList",
};

/**
 * Where a value of the content the import writes comes from in SSB's file description, so that a
 * problem with it is reported where the input says it: a path in a version file
 * (`records.0.fields.3.position`) or in `form.yaml` (`name.nb`) as the path in SSB's file
 * (`fields.3.from`, `title`). Undefined for what the file does not give (the source, the working
 * group, the keys editors add).
 */
export function ssbPathOf(kind: "form" | "formVersion", path: readonly PathSegment[]): PathSegment[] | undefined {
  const [first] = path;
  if (kind === "form") {
    if (first === "id" || first === "number" || first === "controlProgramId") return ["id"];
    if (first === "name") return ["title"];
    return undefined;
  }
  if (first === "title" || first === "description") return [first];
  if (first !== "records") return undefined;
  const [, , what, field, key, code, codeKey] = path;
  if (what === "id" || what === "name") return ["id"];
  if (what !== "fields") return ["fields"];
  if (field === undefined) return ["fields"];
  if (key === undefined) return ["fields", field];
  const ssbKey = SSB_FIELD_KEY[String(key)];
  if (ssbKey === undefined) return ["fields", field];
  if (ssbKey !== "codeList" || code === undefined) return ["fields", field, ssbKey];
  if (codeKey === undefined) return ["fields", field, "codeList", code];
  return ["fields", field, "codeList", code, codeKey === "label" ? "value" : "code"];
}
