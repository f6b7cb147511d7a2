import { z } from "zod";
import { Id, IsoDate, ReportingYear, SourceRef } from "./common.ts";

/** Kinds of dates in the yearly cycle of a reporting year. */
export const CalendarEventKind = z
  .enum(["proposal-deadline", "meeting", "forms-published", "reporting-deadline", "preliminary-publication", "final-publication", "other"])
  .describe("`proposal-deadline`, `meeting`, `forms-published`, `reporting-deadline`, `preliminary-publication`, `final-publication`, `other`.");

/** A dated step of the yearly cycle. */
export const CalendarEvent = z
  .strictObject({
    date: IsoDate.describe("The date."),
    kind: CalendarEventKind,
    title: z.string().trim().min(1).describe("What happens, in Norwegian."),
    workingGroup: Id.optional().describe("Id of the working group it concerns; omitted when it concerns all."),
    note: z.string().trim().min(1).optional().describe("Qualifier from the source (a deadline moved, how many had reported)."),
    source: SourceRef.describe("Where the date comes from."),
  })
  .describe("A date in the yearly cycle.");

/** `content/calendar/<year>.yaml`: the dates of one reporting year's cycle the sources give. */
export const Calendar = z
  .strictObject({
    year: ReportingYear.describe("The reporting year; must equal the file name."),
    events: z.array(CalendarEvent).min(1).describe("Dates, in any order. Meetings in content/meetings/ are added automatically."),
    source: SourceRef,
  })
  .describe("The yearly cycle of a reporting year.");

export type CalendarEvent = z.infer<typeof CalendarEvent>;
export type Calendar = z.infer<typeof Calendar>;
