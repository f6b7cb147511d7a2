import { z } from "zod";
import { Id, ReportingYear, SourceRef } from "./common.ts";
import { TableNumber } from "./statbank-table.ts";

/** A section of a form that asks about what a theme covers, as a source shows it. */
export const ThemeForm = z
  .strictObject({
    form: Id.describe("Id of the form."),
    year: ReportingYear.describe("First reporting year of the form version the source shows."),
    section: Id.describe("Id of the section in that version («punkt»)."),
    fields: z.array(Id).min(1).optional().describe("Ids of the section's fields or tables that ask it. Default: the whole section."),
    quote: z.string().trim().min(1).optional().describe("The source's words that tie it, quoted exactly."),
    source: SourceRef,
  })
  .describe("A form section tied to the theme by a source.");

/** A Statbank table that gives figures on what a theme covers, as a source shows it. */
export const ThemeTable = z
  .strictObject({
    table: TableNumber.describe("Table number; a file in `content/tables/`."),
    quote: z.string().trim().min(1).optional().describe("The source's words that tie it, quoted exactly."),
    source: SourceRef,
  })
  .describe("A Statbank table tied to the theme by a source.");

/** A theme (chapter) of a report template. */
export const ReportTheme = z
  .strictObject({
    number: z.string().regex(/^\d+\.\d+$/, { message: "must be a chapter number such as 4.5" }).describe("Chapter number as the template writes it, e.g. `4.5`."),
    title: z.string().trim().min(1).describe("Title exactly as the template writes it."),
    description: z.string().trim().min(1).optional().describe("What the template says the chapter should cover."),
    withoutKeyFigures: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("Why no indicator is tied to the theme (no source ties one); give it exactly when no indicator lists the theme in `themes`."),
    forms: z.array(ThemeForm).optional().describe("Form sections a source shows to ask about the theme's subject, with the citation; shown on the theme's page beside the indicators."),
    tables: z.array(ThemeTable).optional().describe("Statbank tables a source ties to the theme's subject, beyond those its indicators are computed from, with the citation."),
  })
  .describe("A theme of the report.");

/** What a part of the guidance is about; the site orders and labels the parts by it. */
export const GuidanceTopic = z
  .enum(["lovkrav", "taushetsplikt", "oppbygging", "kvalitet", "oppfolging", "nokkeltall", "interkommunalt"])
  .describe("`lovkrav` (the legal duty), `taushetsplikt` (confidentiality and publishing), `oppbygging` (the report's structure), `kvalitet` (marks of a good report), `oppfolging` (marks of good follow-up), `nokkeltall` (choosing and reading key figures), `interkommunalt` (reports of inter-municipal services).");

/** A part of the guidance that goes with a report template, copied or closely summarised from its source. */
export const GuidanceSection = z
  .strictObject({
    topic: GuidanceTopic,
    title: z.string().trim().min(1).describe("Heading (the source's own where it has one)."),
    text: z.string().trim().min(1).describe("The guidance: the source's words, or a close summary of them; paragraphs separated by a blank line."),
    points: z.array(z.string().trim().min(1)).optional().describe("A list the source gives, item by item."),
    source: SourceRef,
  })
  .describe("A part of the guidance.");

/** `content/report-templates/<id>.yaml`: a report municipalities write with the indicators. */
export const ReportTemplate = z
  .strictObject({
    id: Id.describe("Identifier; must equal the file name."),
    title: z.string().trim().min(1).describe("Title of the report or guidance."),
    description: z.string().trim().min(1).describe("What the report is for, from the source."),
    workingGroup: Id.optional().describe("Id of the working group whose indicators it uses."),
    suppressionGuidance: z.string().trim().min(1).optional().describe("What the source says about small numbers."),
    guidance: z.array(GuidanceSection).optional().describe("The guidance the source gives for writing the report, in the order to show."),
    themes: z.array(ReportTheme).min(1).describe("Themes in order."),
    source: SourceRef,
  })
  .describe("A report template whose themes indicators are tagged with.");

export type ReportTemplate = z.infer<typeof ReportTemplate>;
export type GuidanceSection = z.infer<typeof GuidanceSection>;
export type ReportTheme = z.infer<typeof ReportTheme>;
