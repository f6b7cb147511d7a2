import { z } from "zod";
import { Id, LocalizedText, ReportingYear, SourceRef } from "./common.ts";

/** `content/forms/<id>/form.yaml`: a reporting form (skjema) or file extract (filuttrekk). */
export const Form = z
  .strictObject({
    id: Id.describe("Identifier; must equal the folder name."),
    number: z.string().trim().min(1).describe("The form's number as KOSTRA names it, e.g. `8` or `15F`."),
    name: LocalizedText.describe("Name of the form."),
    kind: z.enum(["questionnaire", "file-extract"]).describe("`questionnaire` (skjema) or `file-extract` (filuttrekk)."),
    workingGroup: Id.describe("Id of the owning working group."),
    description: z.string().trim().min(1).optional().describe("What the form collects."),
    introducedIn: ReportingYear.optional().describe("The reporting year the form was introduced, where the sources record it."),
    controlProgramId: z
      .string()
      .optional()
      .describe("The `id` SSB's control program gives the file description (`55F`; `\"\"` for the accounts, Regnskap); exported as such in `<year>.kontrollprogram.yaml`. Default: `number`."),
    controlProgramSchema: z
      .enum(["per-year", "latest"])
      .optional()
      .describe(
        "Which file description SSB's control program checks a file's structure and codes against: `per-year` (default), that year's own (the familievern forms: one file description a year); `latest`, its one current description for every year (15F: one XSD, whose enumerations keep the codes of earlier years). With `latest`, `kostra check` reports what the year's version lacks but the latest accepts (a code dated to another year, an attribute no longer required, an element added later) as a note, not an error, as SSB's verdict would.",
      ),
    discontinuedFrom: ReportingYear.optional().describe("First reporting year the form is no longer used."),
    source: SourceRef,
  })
  .describe("Metadata of a form or file extract.");

export type Form = z.infer<typeof Form>;
