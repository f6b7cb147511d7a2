import { z } from "zod";
import { EditorNote, Id, IsoDate, SourceRef } from "./common.ts";
import { EventTime } from "./calendar.ts";

/** A person at (or absent from) a meeting. */
export const Participant = z
  .strictObject({
    name: z.string().trim().min(1).describe("Name as the minutes write it."),
    organisation: z.string().trim().min(1).optional().describe("Organisation as the minutes write it."),
    note: z.string().trim().min(1).optional().describe("Qualifier from the minutes, e.g. `ref.`."),
  })
  .describe("A participant.");

/** A follow-up someone must do. */
export const ActionItem = z
  .strictObject({
    id: Id.describe("Identifier, unique within the meeting."),
    owner: z.string().trim().min(1).optional().describe("Who follows up (person or organisation), as the minutes say."),
    what: z.string().trim().min(1).describe("What is to be done."),
    due: IsoDate.optional().describe("Due date."),
    status: z.enum(["open", "closed"]).describe("`open` until a later meeting closes it (with a follow-up); `closed` when the minutes themselves say it is done."),
    note: z.string().trim().min(1).optional().describe("What the minutes say about its state."),
  })
  .describe("An action item.");

/** A later meeting's word on an earlier action item: still open, or closed. */
export const FollowUp = z
  .strictObject({
    action: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*#[a-z0-9]+(-[a-z0-9]+)*$/, { message: "must be <meeting id>#<action id>" }).describe("The action item followed up, as `<meeting id>#<action id>`."),
    status: z.enum(["open", "closed"]).describe("`closed` when this meeting closes it; `open` when it stays open."),
    note: z.string().trim().min(1).optional().describe("What the minutes say about it."),
  })
  .describe("A follow-up of an earlier action item.");

/** An agenda item (sak). */
export const AgendaItem = z
  .strictObject({
    number: z.string().trim().min(1).describe("Item number as the minutes write it, e.g. `5.1`."),
    title: z.string().trim().min(1).describe("Title as the minutes write it."),
    summary: z.string().trim().min(1).optional().describe("What was discussed."),
    proposals: z.array(Id).optional().describe("Ids of the change proposals treated."),
    decisions: z.array(z.string().trim().min(1)).optional().describe("Decisions and conclusions."),
    actions: z.array(ActionItem).optional().describe("Follow-ups agreed."),
    followUps: z.array(FollowUp).optional().describe("Action items of earlier meetings this item follows up."),
  })
  .describe("An agenda item.");

/** Front matter of `content/meetings/<id>.mdx`. */
export const Meeting = z
  .strictObject({
    id: Id.describe("Identifier; must equal the file name."),
    title: z.string().trim().min(1).describe("Title of the minutes."),
    workingGroup: Id.describe("Id of the working group that met."),
    date: IsoDate.describe("Date of the meeting."),
    time: EventTime.optional().describe("Time of day of the meeting, only where the minutes give one; the calendar then shows it as a timed event."),
    attendees: z.array(Participant).optional().describe("Present (til stede)."),
    absentees: z.array(Participant).optional().describe("Absent (forfall)."),
    agenda: z.array(AgendaItem).describe("Agenda items in order."),
    note: EditorNote.optional(),
    source: SourceRef,
  })
  .describe("A working-group meeting.");

export type Meeting = z.infer<typeof Meeting>;
