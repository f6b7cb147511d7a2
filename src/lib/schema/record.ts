import { z } from "zod";
import { Id } from "./common.ts";
import { CodelistBinding, FieldType } from "./form-field.ts";
import { RecordConstraint } from "./record-constraint.ts";

/**
 * SSB's data type of a fixed-width field, as the control program's file description names it
 * (`dataType`), one to one. Consistent with `type`: `STRING_TYPE` for `text` and `code`,
 * `INTEGER_TYPE` for `integer`, `DATE_TYPE` for `date`.
 */
export const SsbDataType = z
  .enum(["STRING_TYPE", "INTEGER_TYPE", "DATE_TYPE"])
  .describe("SSB's data type (the control program's `dataType`): `STRING_TYPE` (with `type` `text` or `code`), `INTEGER_TYPE` (`integer`), `DATE_TYPE` (`date`).");

/**
 * Text copied exactly as the source writes it: not trimmed, since SSB's descriptions may end in a
 * line break and a code may be a single space; but never blank.
 */
const ExactText = z.string().refine((s) => s.trim().length > 0, { message: "must not be empty or blank" });

/** A code of a field's own code list (SSB's `codeList` item: `code`, `value`). */
export const RecordFieldCode = z
  .strictObject({
    code: z.string().min(1).describe("The code as the file writes it, exactly (SSB's `code`; may be a space, `\" \"`)."),
    label: ExactText.describe("Its label exactly as the source gives it (SSB's `value`)."),
  })
  .describe("A code of a field's own code list.");

/** A field of a file-extract record: an XML attribute or element, or a fixed-width column. */
export const RecordField = z
  .strictObject({
    name: z.string().trim().min(1).describe("Name as the file writes it (`StartDato`)."),
    description: ExactText.optional().describe("What the field holds, exactly as the source writes it (line breaks kept). SSB's `description: null` is no description."),
    type: FieldType,
    path: z.string().trim().min(1).optional().describe("XML: path relative to the record, `@Attribute` or `Element/@Attribute`."),
    position: z.number().int().min(1).optional().describe("Fixed-width: first column, 1-based; positions must be contiguous and must not overlap."),
    length: z.number().int().min(1).optional().describe("Fixed-width: width in characters; with `position`."),
    minLength: z.number().int().min(0).optional().describe("Least number of characters."),
    maxLength: z.number().int().min(1).optional().describe("Most number of characters."),
    pattern: z.string().min(1).optional().describe("Regular expression the value must match (XSD pattern)."),
    dataType: SsbDataType.optional(),
    datePattern: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe(
        "For dates: how they are written, in SSB's notation, the letters of Java's DateTimeFormatter: `yyyy` year, `yy` two-digit year, `MM` month, `dd` day (e.g. `ddMMyyyy`, `yyyy-MM-dd`), with `-`, `.`, `/` or space between. SSB's `datePattern: \"\"` is no pattern.",
      ),
    mandatory: z.boolean().optional().describe("Must be present. Default `false`."),
    repeats: z.boolean().optional().describe("May occur more than once."),
    codelist: CodelistBinding.optional().describe("The shared codelist whose codes the field takes."),
    codes: z
      .array(RecordFieldCode)
      .min(1)
      .optional()
      .describe("The field's own code list, versioned with the form version, in the source's order (SSB's `codeList`; `codeList: []` is no list)."),
    classification: z
      .string()
      .url()
      // The page links to it: a `javascript:` or `data:` address would run in the reader's browser.
      .refine((url) => /^https?:\/\//i.test(url), { message: "must be a web address (https:// or http://)" })
      .optional()
      .describe("The KLASS classification the field's codes come from, as a URL (SSB's `codelistSource`, e.g. `https://www.ssb.no/klass/klassifikasjoner/104`)."),
  })
  .describe("A field of a record.");

/** A record of a file extract (an XML element, or a fixed-width line type). */
export const Record = z
  .strictObject({
    id: Id.describe("Identifier, unique within the form version; controls name it in `scope`."),
    name: z.string().trim().min(1).describe("Name as the file writes it (`Melding`)."),
    path: z.string().trim().min(1).optional().describe("XML: absolute path of the element, e.g. `/Barnevern/Individ/Melding`."),
    parent: Id.optional().describe("Id of the record this one is nested in."),
    occurs: z.string().regex(/^\d+\.\.(\d+|n)$/, { message: "must be written min..max, e.g. 0..n or 1..1" }).optional().describe("How many times it occurs in its parent: `min..max`, `n` for unbounded."),
    description: z.string().trim().min(1).optional().describe("What the record holds."),
    fields: z.array(RecordField).min(1).describe("Fields in order."),
    constraints: z.array(RecordConstraint).optional().describe("XML: the schema's uniqueness and key rules declared on this record's element (xs:unique, xs:key, xs:keyref)."),
  })
  .describe("A record of a file extract.");

export type RecordField = z.infer<typeof RecordField>;
export type RecordFieldCode = z.infer<typeof RecordFieldCode>;
export type SsbDataType = z.infer<typeof SsbDataType>;
export type Record = z.infer<typeof Record>;
