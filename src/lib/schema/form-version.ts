import { z } from "zod";
import { EditorNote, Id, ReportingYear, SourceRef } from "./common.ts";
import { Field, Table } from "./form-field.ts";
import { Control } from "./control.ts";
import { Record } from "./record.ts";

/** A section of a questionnaire. */
export const Section = z
  .strictObject({
    id: Id.describe("Identifier, unique within the form version."),
    number: z.string().trim().min(1).optional().describe("Section number as printed, e.g. `2`."),
    title: z.string().trim().min(1).describe("Title exactly as on the form."),
    help: z.string().trim().min(1).optional().describe("Guidance text printed under the title."),
    fields: z.array(Field).optional().describe("Questions of the section."),
    tables: z.array(Table).optional().describe("Tables of the section."),
  })
  .describe("A section of a questionnaire.");

/** `content/forms/<id>/<year>.yaml`: the form as it stands from that reporting year. */
export const FormVersion = z
  .strictObject({
    title: z.string().trim().min(1).optional().describe("Title printed on this year's form, where it carries the year; for a file extract from SSB's control program, the file description's `title`."),
    description: z.string().trim().min(1).optional().describe("The description this year's file description gives (SSB's `description`, «Filbeskrivelse for 55F … for 2025»)."),
    source: SourceRef,
    note: EditorNote.optional(),
    validTo: ReportingYear.optional().describe("Last reporting year this version applies, when it ends before the next version."),
    confirmedTo: ReportingYear.optional().describe("Last reporting year a source shows this version for, where the registry keeps it in force longer: the later years are marked as assumed unchanged («antatt uendret», `assumed` in the API), never as confirmed. Default: every year it is in force is covered by its sources."),
    legalBasis: z.string().trim().min(1).optional().describe("The legal basis text printed on the form."),
    sections: z.array(Section).optional().describe("Sections of a questionnaire."),
    records: z.array(Record).optional().describe("Records of a file extract."),
    controls: z.array(Control).optional().describe("Controls run on the submitted form. Omitted when the sources do not give the version's controls (unknown, not none): the diff then does not compare controls; `[]` says there are none."),
  })
  .describe("One version of a form. The file name is the first reporting year it applies to.");

export type Section = z.infer<typeof Section>;
export type FormVersion = z.infer<typeof FormVersion>;
