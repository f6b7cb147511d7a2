import { z } from "zod";
import { EditorNote, Id, ReportingYear, SourceRef } from "./common.ts";
import { TableNumber } from "./statbank-table.ts";

/** A quantity counted or summed for a formula, with where it comes from. */
export const Quantity = z
  .strictObject({
    label: z.string().trim().min(1).describe("What is counted, as the source words it."),
    table: TableNumber.optional().describe("Statbank table the quantity comes from."),
    variables: z.record(z.string(), z.string()).optional().describe("Selections in the table (function, age group, measure …)."),
    isCount: z.boolean().optional().describe("`true` when the quantity is a count of persons, so that the suppression rule applies to it."),
  })
  .describe("A named quantity of a formula.");

/** numerator / denominator × multiplier. */
export const Formula = z
  .strictObject({
    numerator: Quantity.describe("A."),
    denominator: Quantity.optional().describe("B; omitted for a quantity shown as it is."),
    multiplier: z.number().positive().describe("Multiplier (1, 100, 1000)."),
    text: z.string().trim().min(1).describe("The formula as the source writes it, e.g. `(A/B)*100`."),
  })
  .describe("A structured formula.");

/** The definition of an indicator from a reporting year on. */
export const IndicatorVersion = z
  .strictObject({
    from: ReportingYear.describe("First reporting year this definition applies."),
    formula: Formula.optional().describe("The formula; omitted where the source gives only a text."),
    note: z.string().trim().min(1).optional().describe("What changed, as the source says."),
  })
  .describe("A definition by reporting year.");

/** `content/indicators/<id>.yaml`. */
export const Indicator = z
  .strictObject({
    id: Id.describe("Identifier; must equal the file name."),
    name: z.string().trim().min(1).describe("Name exactly as the source gives it."),
    type: z.string().trim().min(1).describe("Indicator type as the source gives it (Prioritering, Dekningsgrad, Produktivitet/enhetskostnader, Kvalitet …)."),
    workingGroup: Id.optional().describe("Id of the working group that proposed or owns it."),
    dataSource: z.string().trim().min(1).describe("Data source (datakilde)."),
    description: z.string().trim().min(1).describe("Description (beskrivelse)."),
    purpose: z.string().trim().min(1).optional().describe("Purpose (formål)."),
    keyConcepts: z.string().trim().min(1).optional().describe("Key concepts (sentrale begrep)."),
    calculation: z.string().trim().min(1).optional().describe("Calculation (utregning) as text."),
    selection: z.string().trim().min(1).optional().describe("Selection (utvalg)."),
    interpretation: z.string().trim().min(1).optional().describe("Interpretation (fortolkning)."),
    unit: z.string().trim().min(1).optional().describe("Unit (prosent, kroner …)."),
    versions: z.array(IndicatorVersion).optional().describe("Formula by reporting year, oldest first."),
    suppression: z
      .strictObject({ maxSuppressedCount: z.number().int().min(0).describe("Counts of this or fewer are not shown.") })
      .optional()
      .describe("Suppression of small numbers (prikking)."),
    note: EditorNote.optional(),
    source: SourceRef,
  })
  .describe("An indicator (nøkkeltall).");

export type Indicator = z.infer<typeof Indicator>;
