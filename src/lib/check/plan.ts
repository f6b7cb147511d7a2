import { z } from "zod";
import { FormVersion } from "../schema/form-version.ts";
import { PlanChange } from "./next-year.ts";

/** A code a field no longer takes in the year checked, and why: withdrawn, or gone from the list. */
export const WithdrawnCode = z
  .strictObject({
    code: z.string().describe("The code as the file writes it."),
    lastYear: z.number().int().describe("The last reporting year the code was valid."),
  })
  .describe("A code that was valid before the year checked but is not in it.");

/** The codes a field takes in the year checked: its own list or the bound codelist's version. */
export const FieldCodes = z
  .strictObject({
    valid: z.array(z.string()).describe("Every code valid in the year checked."),
    withdrawn: z.array(WithdrawnCode).describe("Codes valid before but withdrawn by the year checked (the message says so)."),
    later: z.array(z.strictObject({ code: z.string(), firstYear: z.number().int() })).describe("Codes not valid yet in the year checked, with the first later year that has them (the message says so)."),
    source: z.string().describe("Where the codes come from, in words: «kodelisten melder (2020)» or «feltets egen kodeliste»."),
  })
  .describe("The codes of one field in the year checked.");

/**
 * The structure SSB's control program checks every year's file against, where it keeps one current
 * file description (`controlProgramSchema: latest`, 15F): per record path, each field's path, whether
 * it is required, and every code it takes (withdrawn codes too, as the XSD's enumerations keep them).
 */
export const ProgramSchema = z
  .strictObject({
    versionYear: z.number().int().describe("The first year of the form version the program's description is."),
    records: z
      .array(
        z.strictObject({
          path: z.string().describe("The record's path (`/Barnevern/Individ`)."),
          fields: z.array(
            z.strictObject({
              path: z.string().describe("The field's path in the record (`@Kode`, `Presisering`)."),
              mandatory: z.boolean(),
              codes: z.array(z.string()).optional().describe("Every code the description takes, where the field has codes."),
            }),
          ),
        }),
      )
      .describe("Every record of the description."),
  })
  .describe("The one file description SSB's program checks every year against.");

/**
 * Everything the engine needs to check one form's files for one reporting year, as plain JSON: made
 * once from the registry (`checkPlan`, `plan-from-registry.ts`) and then passed on as it is, to a Web
 * Worker or a process, since the engine reads nothing else (no registry, no files).
 */
export const CheckPlan = z
  .strictObject({
    form: z.string().describe("The form's id (`15f`)."),
    number: z.string().describe("The form's number as SSB writes it (`15F`), used in messages («ikke en 15F-fil»)."),
    year: z.number().int().describe("The reporting year checked."),
    versionYear: z.number().int().describe("The first year of the form version in force that year."),
    layout: z.enum(["xml", "fixed-width"]).describe("How the extract is written: XML records with paths, or fixed-width lines."),
    version: FormVersion.describe("The form version in force (records, fields, controls), as the registry holds it."),
    variables: z.record(z.string(), z.unknown()).describe("The version's lookup variables (`lookupVariables`, `src/lib/rules/context.ts`: the familievern region mapping …), made from the registry's codelists."),
    codes: z.record(z.string(), FieldCodes).describe("The codes each code field takes, by `<record id>.<field name>`."),
    program: ProgramSchema.optional().describe("Where SSB's program checks every year against its current description (`controlProgramSchema: latest`) and the year's version is older: what it accepts, so that a fault the program would not report is a note («merknad»), not an error."),
    changes: z.array(PlanChange).optional().describe("The form's changes from the year before, each with where the site shows it: what `--next` names beside a problem new this year (`compareReports`)."),
  })
  .describe("A plan for checking one form's files for one reporting year.");

export type CheckPlan = z.infer<typeof CheckPlan>;
export type FieldCodes = z.infer<typeof FieldCodes>;
export type ProgramSchema = z.infer<typeof ProgramSchema>;

/** The key of a field in `CheckPlan.codes`. */
export const codesKey = (recordId: string, fieldName: string) => `${recordId}.${fieldName}`;
