import { z } from "zod";
import { Id, SourceRef } from "./common.ts";

/** A theme (chapter) of a report template. */
export const ReportTheme = z
  .strictObject({
    number: z.string().regex(/^\d+\.\d+$/, { message: "must be a chapter number such as 4.5" }).describe("Chapter number as the template writes it, e.g. `4.5`."),
    title: z.string().trim().min(1).describe("Title exactly as the template writes it."),
    description: z.string().trim().min(1).optional().describe("What the template says the chapter should cover."),
  })
  .describe("A theme of the report.");

/** `content/report-templates/<id>.yaml`: a report municipalities write with the indicators. */
export const ReportTemplate = z
  .strictObject({
    id: Id.describe("Identifier; must equal the file name."),
    title: z.string().trim().min(1).describe("Title of the report or guidance."),
    description: z.string().trim().min(1).describe("What the report is for, from the source."),
    workingGroup: Id.optional().describe("Id of the working group whose indicators it uses."),
    suppressionGuidance: z.string().trim().min(1).optional().describe("What the source says about small numbers."),
    themes: z.array(ReportTheme).min(1).describe("Themes in order."),
    source: SourceRef,
  })
  .describe("A report template whose themes indicators are tagged with.");

export type ReportTemplate = z.infer<typeof ReportTemplate>;
