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

/** A codelist hierarchy given to the version's controls as a CEL variable: one row a code at the deepest level. */
export const Lookup = z
  .strictObject({
    variable: z.string().regex(/^[a-z][A-Za-z0-9]*$/, { message: "must be a CEL identifier: a lower-case letter, then letters or digits" }).describe("The CEL variable's name (`koblinger`)."),
    codelist: Id.describe("The codelist whose hierarchy the variable holds."),
    year: ReportingYear.describe("The first year of the codelist version used, in every year of the form version (the version SSB's control program reads, whatever the reporting year)."),
    levels: z.array(Id).min(1).describe("Names of the hierarchy's levels, top first (`[region, fylke, kontor]`): the keys of each row."),
  })
  .describe("A codelist hierarchy as a CEL variable: a list of rows, one per code at the deepest level, each a map from level name to the code at that level (`{ region: \"667200\", fylke: \"03\", kontor: \"030\" }`).");

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
    lookups: z.array(Lookup).optional().describe("Codelist hierarchies the controls read as CEL variables (docs/forms-and-controls.md)."),
    controls: z.array(Control).optional().describe("Controls run on the submitted form. Omitted when the sources do not give the version's controls (unknown, not none): the diff then does not compare controls; `[]` says there are none."),
  })
  .describe("One version of a form. The file name is the first reporting year it applies to.");

export type Section = z.infer<typeof Section>;
export type Lookup = z.infer<typeof Lookup>;
export type FormVersion = z.infer<typeof FormVersion>;
