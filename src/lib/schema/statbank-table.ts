import { z } from "zod";
import { EditorNote, ReportingYear, SourceRef } from "./common.ts";

/** A Statbank table number (five digits). */
export const TableNumber = z
  .string()
  .regex(/^\d{5}$/, { message: "must be a five-digit Statbank table number written as a string, e.g. \"12275\"" })
  .describe("Statbank table number, five digits, as a string.");

/** `content/tables/<number>.yaml`: a table in Statistics Norway's Statbank. */
export const StatbankTable = z
  .strictObject({
    number: TableNumber.describe("Table number; must equal the file name."),
    title: z.string().trim().min(1).describe("Title exactly as published (often nynorsk)."),
    level: z.enum(["K", "B"]).describe("`K` = municipality, `B` = city district (bydel)."),
    years: z
      .strictObject({ from: ReportingYear, to: ReportingYear.optional().describe("Last year published; omitted while open.") })
      .describe("Years covered, as the source lists them."),
    status: z.enum(["active", "discontinued"]).describe("`active` or `discontinued` (avsluttet)."),
    replacedBy: z.array(TableNumber).optional().describe("Tables that replace this one."),
    replaces: z.array(TableNumber).optional().describe("Tables this one replaces."),
    note: EditorNote.optional(),
    source: SourceRef,
  })
  .describe("A Statbank table.");

export type StatbankTable = z.infer<typeof StatbankTable>;
