import { z } from "zod";
import { EditorNote, Id, ReportingYear, SourceRef } from "./common.ts";
import { TableNumber } from "./statbank-table.ts";

/** A quantity counted or summed for a formula, with where it comes from. */
export const Quantity = z
  .strictObject({
    label: z.string().trim().min(1).describe("What is counted or summed, as the source words it."),
    table: TableNumber.optional().describe("Statbank table the quantity comes from."),
    variables: z
      .strictObject({
        function: z.string().trim().min(1).optional().describe("KOSTRA function(s), e.g. `244, 251, 252`."),
        ageGroup: z.string().trim().min(1).optional().describe("Age group, e.g. `0-24 år`."),
        measure: z.string().trim().min(1).optional().describe("Measure or selection in the table, e.g. `tiltak i alt, i løpet av året`."),
        unit: z.string().trim().min(1).optional().describe("Unit of the quantity, e.g. `1000 kr`."),
      })
      .optional()
      .describe("Selections in the table."),
    isCount: z.boolean().optional().describe("`true` when the quantity counts persons or cases, so that the suppression rule applies to it."),
  })
  .describe("A named quantity of a formula.");

/** numerator / denominator × multiplier. */
export const Formula = z
  .strictObject({
    text: z.string().trim().min(1).describe("The formula as the source writes it, e.g. `(A/B)*100`."),
    numerator: Quantity.describe("A."),
    denominator: Quantity.optional().describe("B; omitted for a quantity shown as it is."),
    multiplier: z.number().positive().describe("Multiplier applied to A/B (1, 100, 1000)."),
  })
  .describe("A structured formula.");

/** The definition of an indicator from a reporting year on. */
export const IndicatorVersion = z
  .strictObject({
    from: ReportingYear.describe("First reporting year this definition applies."),
    formula: Formula.optional().describe("The formula; omitted where the source gives only a text."),
    note: z.string().trim().min(1).optional().describe("What changed, as the source says."),
    seriesBreak: z.boolean().optional().describe("`true` when the change breaks comparability with earlier years."),
  })
  .describe("A definition by reporting year.");

/** `content/indicators/<id>.yaml`. */
export const Indicator = z
  .strictObject({
    id: Id.describe("Identifier; must equal the file name."),
    name: z.string().trim().min(1).describe("Name exactly as the source gives it."),
    type: z.string().trim().min(1).describe("Indicator type as the source gives it (Prioritering, Dekningsgrad, Produktivitet/enhetskostnader, Kvalitet …)."),
    status: z.enum(["published", "proposed"]).optional().describe("`published` (default), or `proposed` in a meeting but not (yet) published."),
    workingGroup: Id.optional().describe("Id of the working group that proposed or owns it."),
    proposedIn: Id.optional().describe("Id of the meeting where it was proposed."),
    dataSource: z.string().trim().min(1).describe("Data source (datakilde)."),
    description: z.string().trim().min(1).describe("Description (beskrivelse)."),
    purpose: z.string().trim().min(1).optional().describe("Purpose (formål)."),
    keyConcepts: z.string().trim().min(1).optional().describe("Key concepts (sentrale begrep)."),
    calculation: z.string().trim().min(1).optional().describe("Calculation (utregning) as the source writes it."),
    selection: z.string().trim().min(1).optional().describe("Selection (utvalg)."),
    interpretation: z.string().trim().min(1).optional().describe("Interpretation (fortolkning)."),
    unit: z.string().trim().min(1).optional().describe("Unit (prosent, kroner, antall …)."),
    versions: z.array(IndicatorVersion).optional().describe("Formula by reporting year, oldest first."),
    tables: z
      .array(z.string().regex(/^\d{5}$/, { message: "must be a five-digit Statbank table number" }))
      .optional()
      .describe("Statbank tables the indicator is taken from where it has no formula to name them (SSB's ready-made indicators: «hentet fra SSB tabell 12279»)."),
    suppression: z
      .strictObject({
        maxSuppressedCount: z.number().int().min(0).describe("Counts of this or fewer are not shown."),
        source: SourceRef.optional().describe("Where the rule comes from."),
      })
      .optional()
      .describe("Suppression of small numbers (prikking)."),
    themes: z.array(z.string().regex(/^\d+\.\d+$/, { message: "must be a theme number of the state-of-child-welfare report, e.g. 4.5" })).optional().describe("Themes of the state-of-child-welfare report (kilde 004) where a municipality can use the indicator, e.g. `4.5`."),
    note: EditorNote.optional(),
    source: SourceRef,
  })
  .describe("An indicator (nøkkeltall).");

export type Quantity = z.infer<typeof Quantity>;
export type Formula = z.infer<typeof Formula>;
export type Indicator = z.infer<typeof Indicator>;
