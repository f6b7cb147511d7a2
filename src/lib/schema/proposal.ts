import { z } from "zod";
import { EditorNote, Id, IsoDate, ReportingYear, SourceRef } from "./common.ts";

/** The lifecycle of a proposal. */
export const ProposalStatus = z
  .enum(["utkast", "fremmet", "behandlet", "anbefalt", "vedtatt", "avvist", "utsatt", "gjennomført"])
  .describe("utkast, fremmet, behandlet, anbefalt, vedtatt, avvist, utsatt, gjennomført.");

/** A dated status change, citing the meeting or decision that made it. */
export const StatusChange = z
  .strictObject({
    status: ProposalStatus,
    date: z
      .union([IsoDate, z.string().regex(/^\d{4}$/, { message: "must be a date written YYYY-MM-DD, or a year YYYY" })])
      .describe("When the status changed: `YYYY-MM-DD`, or only the year `YYYY` where the source gives no day (never a date borrowed from a meeting the source does not tie it to)."),
    meeting: Id.optional().describe("Id of the meeting that made the change; give this or `note`."),
    note: z.string().trim().min(1).optional().describe("The decision or document that made the change; give this or `meeting`."),
  })
  .describe("A status change.");

/** One item the proposal changes. */
export const ChangedItem = z
  .strictObject({
    codelist: Id.optional().describe("Id of a codelist the proposal changes."),
    codes: z.array(z.string().min(1)).optional().describe("Codes of that codelist the proposal changes."),
    form: Id.optional().describe("Id of a form the proposal changes."),
    fields: z
      .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*(\.[A-Za-z0-9]+(-[A-Za-z0-9]+)*)?$/, { message: "must be the id of a field, section or table, or <table>.<row>" }))
      .optional()
      .describe("Ids of sections, fields or tables of that form; a table row as `<table>.<row>`, a record field as `<record>.<Name>`."),
    controls: z.array(z.string().min(1)).optional().describe("Ids of controls of that form the proposal adds, removes or changes."),
    indicator: Id.optional().describe("Id of an indicator the proposal changes."),
    table: z.string().regex(/^\d{5}$/, { message: "must be a five-digit Statbank table number" }).optional().describe("Number of a Statbank table whose publishing the proposal changes."),
    description: z.string().trim().min(1).describe("What changes, in words."),
  })
  .describe("An item the proposal changes.");

/**
 * A source other than the proposal that shows the change made: a later schema (XSD), SSB's file
 * description, the form as printed for the year, a report. The registry's own content is never
 * evidence: the computed status «gjennomført» needs one of these for the target year.
 */
export const Evidence = z
  .strictObject({
    year: ReportingYear.describe("The reporting year the source shows the change in."),
    shows: z.string().trim().min(1).describe("What the source shows, in words (e.g. «Plantype har kodene 5–8»)."),
    source: SourceRef.describe("The source that shows it: a path below the shared source folder and a locator; not the proposal's own `source`."),
  })
  .describe("A source, independent of the proposal, that shows the change made.");

export type Evidence = z.infer<typeof Evidence>;

/** Front matter of `changes/<id>.mdx`. */
export const Proposal = z
  .strictObject({
    id: Id.describe("Identifier; must equal the file name."),
    title: z.string().trim().min(1).describe("Title."),
    workingGroup: Id.describe("Id of the working group."),
    targetYear: ReportingYear.describe("Reporting year the change is to apply from."),
    history: z.array(StatusChange).min(1).describe("Status changes, oldest first; the last is the current status."),
    justification: z
      .strictObject({
        burden: z.string().trim().min(1).optional().describe("Reporting burden (oppgavebyrde)."),
        relevance: z.string().trim().min(1).optional().describe("Relevance (relevans)."),
        comparability: z.string().trim().min(1).optional().describe("Comparability over time (sammenliknbarhet over tid)."),
      })
      .describe("Justification on the mandate's three axes, as far as the sources give it."),
    changes: z.array(ChangedItem).min(1).describe("What the proposal changes."),
    alternatives: z.string().trim().min(1).optional().describe("Alternatives considered."),
    evidence: z
      .array(Evidence)
      .optional()
      .describe("Sources other than the proposal that show the change made, by reporting year. Without one for the target year the computed status is at most `ikke-bekreftet`, and a recorded `gjennomført` is refused."),
    note: EditorNote.optional(),
    source: SourceRef,
  })
  .describe("A change proposal.");

export type Proposal = z.infer<typeof Proposal>;

/**
 * Whether the registry's content carries out a proposal, computed rather than recorded: every
 * codelist code, form field or control and indicator the proposal declares changes from the year
 * before its target year to the target year. Shown beside the recorded status, which is what the
 * working group or a decision wrote down.
 */
export const ComputedStatus = z
  .strictObject({
    state: z
      .enum(["gjennomført", "ikke-bekreftet", "delvis-gjennomført", "ikke-gjennomført", "ikke-beregnet"])
      .describe("`gjennomført`: every declared change is in the target year's content and a source other than the proposal shows it (`evidence`); `ikke-bekreftet`: every declared change is in the content, but no such source does (see `reason`); `delvis-gjennomført`: some are in the content; `ikke-gjennomført`: none is; `ikke-beregnet`: the registry cannot tell (see `reason`)."),
    year: ReportingYear.describe("The target year checked."),
    label: z.string().min(1).describe("The state as the site writes it, e.g. «gjennomført i 2023»."),
    declared: z.number().int().min(0).describe("Declared changes the registry can check: codes, fields, controls, or whole items where the proposal names none."),
    carriedOut: z.number().int().min(0).describe("Of those, the ones the content of the target year shows."),
    reason: z.string().min(1).optional().describe("For `ikke-beregnet` and `ikke-bekreftet`: why the registry cannot tell, or what is missing."),
  })
  .describe("The status the registry computes for a proposal from the content of its target year.");

export type ComputedStatus = z.infer<typeof ComputedStatus>;
