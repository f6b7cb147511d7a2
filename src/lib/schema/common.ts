import { z } from "zod";

/** Identifier used in file names and URLs. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: "must be lowercase letters a–z, digits and single hyphens, e.g. tiltak-kategori",
  })
  .describe("Identifier: lowercase letters a–z, digits and single hyphens (e.g. `tiltak-kategori`).");

/** A reporting year: the year the data describe (submitted early the year after). */
export const ReportingYear = z
  .number()
  .int()
  .min(1990, { message: "must be a reporting year from 1990 to 2100" })
  .max(2100, { message: "must be a reporting year from 1990 to 2100" })
  .describe("Reporting year (the year the data describe), e.g. `2023`.");

/** A calendar date written as YYYY-MM-DD. */
export const IsoDate = z.iso.date({ message: "must be a date written YYYY-MM-DD" }).describe("Date, `YYYY-MM-DD`.");

/** Text in Norwegian bokmål, with nynorsk and English where a source gives them. */
export const LocalizedText = z
  .strictObject({
    nb: z.string().trim().min(1).describe("Bokmål (required)."),
    nn: z.string().trim().min(1).optional().describe("Nynorsk, where a source gives it."),
    en: z.string().trim().min(1).optional().describe("English, where a source gives it."),
  })
  .describe("Text in bokmål (`nb`), with optional nynorsk (`nn`) and English (`en`).");

/** Where a fact comes from: a path below the shared folder, optionally ` — ` and a locator. */
export const SourceRef = z
  .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)])
  .describe(
    "Where the content comes from: a path below the shared source folder, optionally followed by ` — ` and a locator (section, type name). One string or a list.",
  );

/** Free text written by the registry's editors to record a choice or a discrepancy. */
export const EditorNote = z
  .string()
  .trim()
  .min(1)
  .describe("Editor's note: choices made, discrepancies between sources, how years were mapped.");

export type LocalizedText = z.infer<typeof LocalizedText>;
export type SourceRef = z.infer<typeof SourceRef>;
