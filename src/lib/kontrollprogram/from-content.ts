import type { Form, FormVersion, RecordField, SsbDataType } from "../schema/index.ts";
import type { SsbField, SsbFileDescription } from "./format.ts";

/** SSB's data type of a field: its own `dataType`, else the one its type implies. */
function dataTypeOf(f: RecordField): SsbDataType {
  if (f.dataType) return f.dataType;
  return f.type === "integer" ? "INTEGER_TYPE" : f.type === "date" ? "DATE_TYPE" : "STRING_TYPE";
}

/**
 * A version of a file extract has SSB's form when it is fixed-width: at least one record, and
 * every field of every record with a position and a length. XML extracts (15F) are not.
 */
export function isFixedWidth(v: FormVersion): boolean {
  const fields = (v.records ?? []).flatMap((r) => r.fields);
  return fields.length > 0 && fields.every((f) => f.position !== undefined && f.length !== undefined);
}

/**
 * A record field as SSB writes it; a field bound to a shared codelist without codes of its own
 * lists the bound codelist's codes in force (`boundCodes`).
 */
export function fieldFromContent(f: RecordField, boundCodes?: (f: RecordField) => { code: string; label: string }[] | undefined): SsbField {
  const codes = f.codes ?? (f.codelist ? boundCodes?.(f) : undefined) ?? [];
  return {
    name: f.name,
    description: f.description ?? null,
    from: f.position!,
    size: f.length!,
    dataType: dataTypeOf(f),
    mandatory: f.mandatory ?? false,
    datePattern: f.datePattern ?? "",
    codelistSource: f.classification ?? null,
    codeList: codes.map((c) => ({ code: c.code, value: c.label })),
  };
}

/**
 * A fixed-width file extract as it applies in `year`, in SSB's file-description format: the inverse
 * of `toFormVersion` (id from `controlProgramId`, else the form's number; the title of the version,
 * else number and name; every record's fields in order).
 */
export function toFileDescription(form: Form, version: FormVersion, year: number, boundCodes?: (f: RecordField) => { code: string; label: string }[] | undefined): SsbFileDescription {
  return {
    id: form.controlProgramId ?? form.number,
    title: version.title ?? `${form.number} ${form.name.nb}`,
    reportingYear: year,
    description: version.description ?? "",
    fields: (version.records ?? []).flatMap((r) => r.fields.map((f) => fieldFromContent(f, boundCodes))),
  };
}
