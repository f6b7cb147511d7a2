import { z } from "zod";
import { Id, IsoDate, ReportingYear, SourceRef } from "./common.ts";

/** Kinds of dates in the yearly cycle of a reporting year. */
export const CalendarEventKind = z
  .enum(["proposal-deadline", "meeting", "forms-published", "reporting-deadline", "preliminary-publication", "final-publication", "other"])
  .describe("`proposal-deadline`, `meeting`, `forms-published`, `reporting-deadline`, `preliminary-publication`, `final-publication`, `other`.");

const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a time of day, HH:MM (24-hour clock)" });

/**
 * The time of day of a dated event, where the source gives one (e.g. «kl. 10-14»), as local time in
 * Norway (Europe/Oslo). Without it the event is for the whole day. The calendar export writes it as
 * a timed event; keep the source's wording in the title or note as well.
 */
export const EventTime = z
  .strictObject({
    start: TimeOfDay.describe("When it starts, `HH:MM` (24-hour clock, Norwegian local time)."),
    end: TimeOfDay.optional().describe("When it ends, `HH:MM`, the same day; omitted when the source gives only the start."),
  })
  .refine((t) => t.end === undefined || t.end > t.start, { message: "end must be after start, the same day", path: ["end"] })
  .describe("Time of day as the source gives it, e.g. `{ start: \"10:00\", end: \"14:00\" }` for «kl. 10-14».");

/** A dated step of the yearly cycle. */
export const CalendarEvent = z
  .strictObject({
    date: IsoDate.describe("The date."),
    time: EventTime.optional().describe("Time of day, only where the source gives one; omitted for a whole-day event."),
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

export type EventTime = z.infer<typeof EventTime>;
export type CalendarEvent = z.infer<typeof CalendarEvent>;
export type Calendar = z.infer<typeof Calendar>;
