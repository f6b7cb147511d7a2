import { z } from "zod";
import { EditorNote, Id, ReportingYear, SourceRef } from "./common.ts";
import { TableNumber } from "./statbank-table.ts";

/** A chapter number as a report writes it: `1`, `3.2`, `6.4.3.1`. */
const ChapterNumber = z.string().regex(/^\d+(\.\d+)*$/, { message: "must be a chapter number such as 6 or 6.4.3" });

/** Statbank tables a chapter lists, under a heading of the report where it gives one. */
export const ReportTableList = z
  .strictObject({
    heading: z.string().trim().min(1).optional().describe("The list's heading as the report writes it, e.g. `KOSTRA - Bydeler`."),
    tables: z.array(TableNumber).min(1).describe("Numbers of the tables, in the report's order; each must be a file in content/tables/."),
  })
  .describe("A list of Statbank tables.");

/** One chapter (or section) of a working group's annual report, as the report writes it. */
export const ReportChapter = z
  .strictObject({
    number: ChapterNumber.describe("Chapter number as the report writes it, e.g. `6.4.1`; chapters stand in the report's order."),
    title: z.string().trim().min(1).describe("Heading exactly as the report writes it, without the number."),
    text: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("The chapter's own text, copied from the report: paragraphs separated by a blank line, a line break inside a paragraph kept (list items stay one a line). Omitted where the report has only the heading."),
    tables: z.array(ReportTableList).optional().describe("Statbank tables the chapter lists; the page shows each from content/tables/ (title, level, years)."),
    form: z
      .strictObject({ id: Id.describe("Id of the form."), year: ReportingYear.describe("The reporting year of the version.") })
      .optional()
      .describe("A form version the chapter holds (an appendix); the page renders it from content/forms/."),
    note: EditorNote.optional(),
    source: SourceRef,
  })
  .describe("A chapter of the report.");

/**
 * `content/reports/<working group>-<year>.yaml`: the text of a working group's annual report, by
 * chapter. The registry computes what it can (members, meetings, proposals and their status, the
 * changes between years, the reporting cycle); this file holds what only the report says, and
 * the report page shows both, chapter by chapter.
 */
export const ReportText = z
  .strictObject({
    id: Id.describe("Identifier `<working group>-<year>`; must equal the file name."),
    title: z.string().trim().min(1).describe("Title of the report as it writes it."),
    workingGroup: Id.describe("Id of the working group whose report it is."),
    year: ReportingYear.describe("The year of the report (the reporting year its proposals apply from)."),
    chapters: z.array(ReportChapter).min(1).describe("Every chapter and section of the report, in its order, also those with only a heading."),
    note: EditorNote.optional(),
    source: SourceRef,
  })
  .superRefine((r, ctx) => {
    if (r.id !== `${r.workingGroup}-${r.year}`) ctx.addIssue({ code: "custom", path: ["id"], message: `must be "${r.workingGroup}-${r.year}" (working group and year)` });
    const seen = new Set<string>();
    r.chapters.forEach((c, i) => {
      if (seen.has(c.number)) ctx.addIssue({ code: "custom", path: ["chapters", i, "number"], message: `chapter ${c.number} is given twice` });
      seen.add(c.number);
      const before = r.chapters[i - 1];
      if (before && compareChapters(before.number, c.number) >= 0) ctx.addIssue({ code: "custom", path: ["chapters", i, "number"], message: `chapter ${c.number} stands after ${before.number}: chapters must be in the report's order` });
    });
  })
  .describe("The text of a working group's annual report.");

/** Orders chapter numbers as a report does: 3 < 3.1 < 3.1.2 < 3.2 < 10. */
export function compareChapters(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] === undefined) return -1;
    if (y[i] === undefined) return 1;
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  return 0;
}

export type ReportChapter = z.infer<typeof ReportChapter>;
export type ReportText = z.infer<typeof ReportText>;
