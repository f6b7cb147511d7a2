import { z } from "zod";
import { LocalizedText, ReportingYear, SourceRef } from "./common.ts";

/** Whether a code may still be used. */
export const CodeStatus = z
  .enum(["active", "deprecated"])
  .describe("`active`, or `deprecated` (still listed, but going away: give `withdrawnFrom`).");

/** One code of a codelist version. */
export const Code = z
  .strictObject({
    code: z
      .string()
      .regex(/^\S(.*\S)?$/, { message: "must not be empty or start or end with white space" })
      .describe("The code as senders write it, always a string (`\"2.3\"`, `\"050\"`)."),
    name: LocalizedText.describe("The official label, copied exactly from the source."),
    shortName: z.string().trim().min(1).optional().describe("Short label, only where a source gives one."),
    notes: z.string().trim().min(1).optional().describe("Explanatory text from the source that is not part of the label (guidance, validity)."),
    parent: z.string().optional().describe("Code of the parent in a hierarchy; must exist in the same version."),
    selectable: z
      .boolean()
      .optional()
      .describe("`false` for grouping codes that organise the hierarchy but are not valid values. Default `true`."),
    group: z.string().trim().min(1).optional().describe("The heading the source lists the code under, where the heading has no code of its own."),
    status: CodeStatus.optional().describe("`active` (default) or `deprecated`."),
    withdrawnFrom: ReportingYear.optional().describe("For a deprecated code: the first reporting year in which it must no longer be used."),
    source: SourceRef.optional().describe("Source of this code, where it differs from the version's."),
  })
  .superRefine((code, ctx) => {
    if (code.status === "deprecated" && code.withdrawnFrom === undefined) {
      ctx.addIssue({ code: "custom", path: ["withdrawnFrom"], message: "a deprecated code needs withdrawnFrom: the first reporting year it must no longer be used" });
    }
    if (code.status !== "deprecated" && code.withdrawnFrom !== undefined) {
      ctx.addIssue({ code: "custom", path: ["status"], message: "withdrawnFrom is only allowed with status: deprecated" });
    }
  })
  .describe("A code with its label, place in the hierarchy and status.");

export type Code = z.infer<typeof Code>;
