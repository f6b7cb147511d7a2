import { z } from "zod";
import { Id } from "./common.ts";
import { CodelistBinding, FieldType } from "./form-field.ts";

/** A field of a file-extract record: an XML attribute or element, or a fixed-width column. */
export const RecordField = z
  .strictObject({
    name: z.string().trim().min(1).describe("Name as the file writes it (`StartDato`)."),
    description: z.string().trim().min(1).optional().describe("What the field holds, from the source."),
    type: FieldType,
    path: z.string().trim().min(1).optional().describe("XML: path relative to the record, `@Attribute` or `Element/@Attribute`."),
    position: z.number().int().min(1).optional().describe("Fixed-width: first column, 1-based; positions must be contiguous and must not overlap."),
    length: z.number().int().min(1).optional().describe("Fixed-width: width in characters; with `position`."),
    minLength: z.number().int().min(0).optional().describe("Least number of characters."),
    maxLength: z.number().int().min(1).optional().describe("Most number of characters."),
    pattern: z.string().min(1).optional().describe("Regular expression the value must match (XSD pattern)."),
    datePattern: z.string().trim().min(1).optional().describe("For dates: how they are written, e.g. `YYYY-MM-DD`."),
    mandatory: z.boolean().optional().describe("Must be present. Default `false`."),
    repeats: z.boolean().optional().describe("May occur more than once."),
    codelist: CodelistBinding.optional().describe("The codelist whose codes the field takes."),
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
  })
  .describe("A record of a file extract.");

export type RecordField = z.infer<typeof RecordField>;
export type Record = z.infer<typeof Record>;
