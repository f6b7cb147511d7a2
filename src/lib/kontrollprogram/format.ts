import { z } from "zod";

/**
 * SSB's file description (`file_description_<form>_<year>.yaml` in the control program,
 * statisticsnorway/kostra-kontrollprogram, `kravspesifikasjon/`): the fixed-width record of a file
 * extract for one reporting year. The schema is SSB's format as it stands, key for key and in SSB's
 * key order (the export writes the keys in this order); `docs/forms-and-controls.md` maps each key
 * to the registry's content format.
 */
export const SsbCode = z
  .strictObject({
    code: z.string().min(1).describe("The code as the file writes it (may be a space)."),
    value: z.string().min(1).describe("Its label."),
  })
  .describe("An item of a field's `codeList`.");

export const SsbField = z
  .strictObject({
    name: z.string().min(1).describe("The field's name (`FYLKE_NR`)."),
    description: z.string().min(1, { message: "must not be empty: write null for no description" }).nullable().describe("What the field holds, or null."),
    from: z.number().int().min(1).describe("First position, 1-based."),
    size: z.number().int().min(1).describe("Width in characters."),
    dataType: z.enum(["STRING_TYPE", "INTEGER_TYPE", "DATE_TYPE"]).describe("SSB's data type."),
    mandatory: z.boolean().describe("Must be filled in."),
    datePattern: z.string().describe("Java date pattern (`ddMMyyyy`), `\"\"` when none."),
    codelistSource: z.string().min(1).nullable().describe("KLASS classification URL, or null."),
    codeList: z.array(SsbCode).describe("The field's codes, `[]` when none."),
  })
  .describe("A field of SSB's file description.");

export const SsbFileDescription = z
  .strictObject({
    id: z.string().describe("The form's id in the control program (`55F`; `\"\"` for Regnskap)."),
    title: z.string().min(1).describe("Title (`55F Meklingssaker i familieverntjenesten`)."),
    reportingYear: z.number().int().min(1990).max(2100).describe("Reporting year."),
    description: z.string().describe("«Filbeskrivelse for … for <year>»."),
    fields: z.array(SsbField).min(1).describe("The record's fields, in order."),
  })
  .describe("SSB's file description of a fixed-width file extract for one reporting year.");

export type SsbCode = z.infer<typeof SsbCode>;
export type SsbField = z.infer<typeof SsbField>;
export type SsbFileDescription = z.infer<typeof SsbFileDescription>;
