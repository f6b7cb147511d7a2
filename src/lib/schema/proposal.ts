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
    date: IsoDate.describe("When the status changed."),
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
      .enum(["gjennomført", "delvis-gjennomført", "ikke-gjennomført", "ikke-beregnet"])
      .describe("`gjennomført`: every declared change is in the target year's content; `delvis-gjennomført`: some are; `ikke-gjennomført`: none is; `ikke-beregnet`: the registry cannot tell (see `reason`)."),
    year: ReportingYear.describe("The target year checked."),
    label: z.string().min(1).describe("The state as the site writes it, e.g. «gjennomført i 2023»."),
    declared: z.number().int().min(0).describe("Declared changes the registry can check: codes, fields, controls, or whole items where the proposal names none."),
    carriedOut: z.number().int().min(0).describe("Of those, the ones the content of the target year shows."),
    reason: z.string().min(1).optional().describe("For `ikke-beregnet`: why the registry cannot tell."),
  })
  .describe("The status the registry computes for a proposal from the content of its target year.");

export type ComputedStatus = z.infer<typeof ComputedStatus>;
