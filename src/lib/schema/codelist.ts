import { z } from "zod";
import { Id, LocalizedText, ReportingYear, SourceRef } from "./common.ts";

/** `codelists/<id>/codelist.yaml`: what the list is, who owns it. */
export const Codelist = z
  .strictObject({
    id: Id.describe("Identifier; must equal the folder name."),
    name: LocalizedText.describe("Name of the codelist."),
    description: z.string().trim().min(1).optional().describe("What the list classifies and where it is used."),
    workingGroup: Id.describe("Id of the owning working group (`content/working-groups/<id>.yaml`)."),
    klassId: z.number().int().positive().optional().describe("Statistics Norway KLASS classification id, where one exists."),
    numericId: z
      .number()
      .int()
      .min(900001)
      .max(999999)
      .optional()
      .describe("The registry's own number for the list, for tools that ask by number (SSB's KLASS clients): assigned once, from 900001 upward, never changed and never reused. SSB's KLASS numbers are far below this range (the sources cite 104, 463, 557 and 558), so the two cannot meet; a list that is a KLASS classification has `klassId` too, and answers to both."),
    usedIn: z.string().trim().min(1).optional().describe("Where in a form or file extract the list is used, as the source says."),
    introducedIn: ReportingYear.optional().describe("The reporting year the list was introduced, where the sources record it; without it, a list whose first version is later than the registry's first year is simply covered from then on."),
    discontinuedFrom: ReportingYear.optional().describe("First reporting year the list is no longer used."),
    replacedBy: Id.optional().describe("Id of the codelist that replaces this one."),
    source: SourceRef,
  })
  .describe("Metadata of a codelist.");

export type Codelist = z.infer<typeof Codelist>;
